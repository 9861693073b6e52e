// The drift report for people: text for a terminal or a cron log, Markdown for an issue or a chat message,
// and the JSON document itself. Each drift item says what changed, whether the platform or the config moved
// last, and when the live object changed (the config's commit time is said once). Pure.
import type { Change } from '../model.js';
import type { BaselineNote, DriftEntry, DriftReport } from '../drift/report.js';
import { canonicalJson } from '../plan/values.js';
import { count, formatFinding } from './findings.js';
import { emailShower } from './mask.js';

export interface DriftRenderOptions {
  /** Show `j***#3f2a9c@example.com` instead of full addresses. */
  maskEmails?: boolean;
  /** Keys the masked addresses' tags (GROUPFORM_MASK_KEY), so that they cannot be checked against guesses. */
  maskKey?: string;
  /** The baseline file, for the places of expired entries and the how-to. */
  baselineFile?: string;
  /** Longest Markdown report, in characters (default 60,000; GitHub's issue bodies stop at 65,536). */
  maxChars?: number;
  /** Where the untruncated report is (say, `drift.json`, kept as the run's artifact), for the truncation line. */
  fullReport?: string;
}

export const CLASS: Record<DriftEntry['classification'], string> = {
  'changed-on-platform': 'changed on the platform',
  'not-yet-applied': 'not yet applied',
  unknown: 'unknown',
};

export function renderDriftJson(report: DriftReport): string {
  return canonicalJson(report, 2) + '\n';
}

export function renderDriftText(report: DriftReport, options: DriftRenderOptions = {}): string {
  const show = emailShower(options.maskEmails ?? false, options.maskKey);
  const lines = [headline(report)];
  if (report.drift.length > 0) {
    lines.push(
      committed(report),
      '',
      ...report.drift.map(
        (item) => `  ${show(item.address)}: ${describeChange(item.change)}; ${CLASS[item.classification]} (live modified ${item.liveUpdatedAt ?? 'unknown'})`,
      ),
    );
  }
  if (report.silenced.length > 0) {
    lines.push(
      '',
      `Silenced by the baseline (${report.silenced.length}):`,
      ...report.silenced.map((item) => `  ${show(item.address)}: until ${item.baseline.expires}, ${item.baseline.reason}`),
    );
  }
  lines.push(...baselineLines('Expired baseline entries', report.expiredBaseline, 'expired', options, show));
  lines.push(...baselineLines('Baseline entries that match no drift (remove them)', report.unusedBaseline, 'until', options, show));
  if (report.findings.length > 0) lines.push('', ...report.findings.map((finding) => show(formatFinding(finding))));
  return lines.join('\n') + '\n';
}

/**
 * For an issue body: the headline, the config's commit time once, a table of the drift, how to acknowledge
 * an item, then what the baseline silenced and the findings. Kept under `maxChars` by listing fewer rows,
 * each cut list saying how many more the full report holds.
 */
export function renderDriftMarkdown(report: DriftReport, options: DriftRenderOptions = {}): string {
  const show = emailShower(options.maskEmails ?? true, options.maskKey);
  const maxChars = options.maxChars ?? 60_000;
  const where = options.fullReport ? `the full report (${options.fullReport})` : 'the full report (`groupform drift --report drift.json`)';
  const row = (item: DriftEntry, extra?: string): string =>
    `| ${cell(show(item.address))} | ${cell(describeChange(item.change))} | ${CLASS[item.classification]} | ${item.liveUpdatedAt ?? 'unknown'} |${extra === undefined ? '' : ` ${cell(extra)} |`}`;
  const header = (extraTitle?: string): string[] =>
    extraTitle
      ? [`| Item | Change | Drift | Live modified | ${extraTitle} |`, '| --- | --- | --- | --- | --- |']
      : ['| Item | Change | Drift | Live modified |', '| --- | --- | --- | --- |'];

  const head = ['### groupform drift', '', `**${cell(headline(report))}**`, ''];
  const lists: FlexList[] = [];
  if (report.drift.length > 0) {
    head.push(cell(committed(report)), '', ...header());
    lists.push({
      rows: report.drift.map((item) => row(item)),
      after: ['', ...howToAcknowledge(report, options, show), ''],
      more: (n) => `| *${count(n, 'more item')} in ${where}* | | | |`,
    });
  }
  if (report.silenced.length > 0) {
    lists.push({
      before: ['**Silenced by the baseline**', '', ...header('Acknowledged')],
      rows: report.silenced.map((item) => row(item, `until ${item.baseline.expires}: ${item.baseline.reason}`)),
      after: [''],
      more: (n) => `| *${count(n, 'more silenced item')} in ${where}* | | | | |`,
    });
  }
  const notes = (title: string, entries: readonly BaselineNote[]): string[] =>
    entries.length === 0
      ? []
      : [`**${title}**`, '', ...entries.map((entry) => `- ${cell(show(entry.address))} (line ${entry.line}, ${entry.expires}): ${cell(entry.reason)}`), ''];
  const baselineNotes = [...notes('Expired baseline entries', report.expiredBaseline), ...notes('Baseline entries that match no drift', report.unusedBaseline)];
  if (baselineNotes.length > 0) lists.push({ rows: baselineNotes, more: (n) => `- *${count(n, 'more line')} about the baseline in ${where}*` });
  if (report.findings.length > 0) {
    lists.push({
      before: ['**Findings**', ''],
      rows: report.findings.map((finding) => `- ${cell(show(formatFinding(finding)))}`),
      more: (n) => `- *${count(n, 'more finding')} in ${where}*`,
    });
  }
  return fitLists(head, lists, maxChars).join('\n').replace(/\n+$/, '') + '\n';
}

/** A list of lines that may be cut short (`more` says how many were left out), with fixed lines around it. */
interface FlexList {
  before?: string[];
  rows: string[];
  after?: string[];
  more: (omitted: number) => string;
}

/** The head and every list, rows dropped from the end of the later lists first until the whole fits. */
function fitLists(head: readonly string[], lists: readonly FlexList[], maxChars: number): string[] {
  const size = (lines: readonly string[]): number => lines.reduce((sum, line) => sum + line.length + 1, 0);
  const fixed = size(head) + lists.reduce((sum, list) => sum + size(list.before ?? []) + size(list.after ?? []) + list.more(1e9).length + 1, 0);
  let budget = maxChars - fixed;
  const out = [...head];
  for (const list of lists) {
    let kept = 0;
    let used = 0;
    while (kept < list.rows.length && used + list.rows[kept]!.length + 1 <= budget) used += list.rows[kept++]!.length + 1;
    budget -= used;
    out.push(
      ...(list.before ?? []),
      ...list.rows.slice(0, kept),
      ...(kept < list.rows.length ? [list.more(list.rows.length - kept)] : []),
      ...(list.after ?? []),
    );
  }
  return out;
}

/** The baseline entry that would silence the first item, to copy. */
function howToAcknowledge(report: DriftReport, options: DriftRenderOptions, show: (text: string) => string): string[] {
  const file = options.baselineFile ?? 'drift-baseline.yaml';
  const first = report.drift[0]!;
  return [
    `To acknowledge an item until a date, add it to \`${cell(file)}\` and pass \`--baseline ${cell(file)}\`; the address may be written as shown here (masked) or in full, and \`*\` matches any text:`,
    '',
    '```yaml',
    'items:',
    `  - address: ${show(first.address)}`,
    '    reason: why this drift is expected',
    '    expires: YYYY-MM-DD   # the last day it is silenced',
    '```',
  ];
}

function cell(text: string): string {
  return text.replace(/[|\\`*_<>]/g, '\\$&');
}

export function headline(report: DriftReport): string {
  const silenced = report.silenced.length > 0 ? ` (${report.silenced.length} acknowledged in the baseline)` : '';
  if (report.inSync) return `In sync: the platforms match the config${silenced}.`;
  // An error means part of the config was not compared: never say in sync, whatever else was found.
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const unchecked = errors > 0 ? `${count(errors, 'error')} kept part of the config from being compared (below)` : '';
  if (report.drift.length === 0) return `Not checked: ${unchecked}${silenced}.`;
  const counts = (['changed-on-platform', 'not-yet-applied', 'unknown'] as const)
    .map((kind) => [kind, report.drift.filter((item) => item.classification === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${CLASS[kind]}`);
  return `Drift: ${report.drift.length} item${report.drift.length === 1 ? '' : 's'} (${counts.join(', ')})${silenced}${unchecked ? `; ${unchecked}` : ''}.`;
}

/** Said once: every item's classification compares its live modification time with this. */
export function committed(report: DriftReport): string {
  return report.configChangedAt
    ? `Config last committed ${report.configChangedAt}: an item modified on the platform after that changed on the platform; one modified before it is not yet applied.`
    : 'Config commit time unknown (not in a git repository), so no item can be classified.';
}

function baselineLines(title: string, entries: readonly BaselineNote[], verb: string, options: DriftRenderOptions, show: (t: string) => string): string[] {
  if (entries.length === 0) return [];
  const file = options.baselineFile ?? 'baseline';
  return ['', `${title}:`, ...entries.map((entry) => `  ${file}:${entry.line}: ${show(entry.address)} ${verb} ${entry.expires} (${entry.reason})`)];
}

/** `update group (name, metadata)`, `move to VIP`, `leave Legacy`. */
export function describeChange(change: Change): string {
  if (change.kind === 'group') {
    const fields = change.action === 'update' ? ` (${Object.keys(change.after ?? {}).join(', ')})` : '';
    return `${change.action} group${fields}`;
  }
  const name = (ref: { name: string; key: string | null; id: string | null } | null): string => ref?.name || ref?.key || `#${ref?.id ?? '?'}`;
  switch (change.action) {
    case 'create':
      return `join ${name(change.after)}`;
    case 'update':
      return `move from ${name(change.before)} to ${name(change.after)}`;
    case 'delete':
      return `leave ${name(change.before)}`;
  }
}
