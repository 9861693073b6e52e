// The drift report for people: text for a terminal or a cron log, Markdown for an issue or a chat message,
// and the JSON document itself. Each drift item says what changed, whether the platform or the config moved
// last, and both times. Pure.
import type { Change } from '../model.js';
import type { BaselineNote, DriftEntry, DriftReport } from '../drift/report.js';
import { canonicalJson } from '../plan/values.js';
import { formatFinding } from './findings.js';
import { emailShower } from './mask.js';

export interface DriftRenderOptions {
  /** Show `j***@example.com` instead of full addresses. */
  maskEmails?: boolean;
  /** The baseline file, for the places of expired entries. */
  baselineFile?: string;
}

const CLASS: Record<DriftEntry['classification'], string> = {
  'changed-on-platform': 'changed on the platform',
  'not-yet-applied': 'not yet applied',
  unknown: 'unknown',
};

export function renderDriftJson(report: DriftReport): string {
  return canonicalJson(report, 2) + '\n';
}

export function renderDriftText(report: DriftReport, options: DriftRenderOptions = {}): string {
  const show = emailShower(options.maskEmails ?? false);
  const lines = [headline(report)];
  if (report.drift.length > 0) lines.push('', ...report.drift.map((item) => `  ${show(item.address)}: ${describeChange(item.change)}; ${when(item, report)}`));
  if (report.silenced.length > 0) {
    lines.push('', `Silenced by the baseline (${report.silenced.length}):`,
      ...report.silenced.map((item) => `  ${show(item.address)}: until ${item.baseline.expires}, ${item.baseline.reason}`));
  }
  lines.push(...baselineLines('Expired baseline entries', report.expiredBaseline, 'expired', options, show));
  lines.push(...baselineLines('Baseline entries that match no drift (remove them)', report.unusedBaseline, 'until', options, show));
  if (report.findings.length > 0) lines.push('', ...report.findings.map((finding) => show(formatFinding(finding))));
  return lines.join('\n') + '\n';
}

export function renderDriftMarkdown(report: DriftReport, options: DriftRenderOptions = {}): string {
  const show = emailShower(options.maskEmails ?? true);
  const cell = (text: string): string => text.replace(/[|\\`*_<>]/g, '\\$&');
  const lines = ['### groupform drift', '', `**${cell(headline(report))}**`, ''];
  const table = (items: readonly DriftEntry[], extra: (item: DriftEntry) => string, extraTitle: string): string[] => [
    `| Item | Change | Drift | Live modified | ${extraTitle} |`,
    '| --- | --- | --- | --- | --- |',
    ...items.map((item) => `| ${cell(show(item.address))} | ${cell(describeChange(item.change))} | ${CLASS[item.classification]} | ${item.liveUpdatedAt ?? 'unknown'} | ${cell(extra(item))} |`),
    '',
  ];
  if (report.drift.length > 0) lines.push(...table(report.drift, () => report.configChangedAt ?? 'unknown', 'Config committed'));
  if (report.silenced.length > 0) {
    const silenced = new Map(report.silenced.map((item) => [item.address, item.baseline]));
    lines.push('**Silenced by the baseline**', '', ...table(report.silenced, (item) => {
      const baseline = silenced.get(item.address);
      return baseline ? `until ${baseline.expires}: ${baseline.reason}` : '';
    }, 'Acknowledged'));
  }
  const notes = (title: string, entries: readonly BaselineNote[]): string[] => entries.length === 0 ? [] : [
    `**${title}**`, '', ...entries.map((entry) => `- ${cell(show(entry.address))} (line ${entry.line}, ${entry.expires}): ${cell(entry.reason)}`), '',
  ];
  lines.push(...notes('Expired baseline entries', report.expiredBaseline), ...notes('Baseline entries that match no drift', report.unusedBaseline));
  if (report.findings.length > 0) lines.push('**Findings**', '', ...report.findings.map((finding) => `- ${cell(show(formatFinding(finding)))}`), '');
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

function headline(report: DriftReport): string {
  const silenced = report.silenced.length > 0 ? ` (${report.silenced.length} acknowledged in the baseline)` : '';
  if (report.inSync) return `In sync: the platforms match the config${silenced}.`;
  const counts = (['changed-on-platform', 'not-yet-applied', 'unknown'] as const)
    .map((kind) => [kind, report.drift.filter((item) => item.classification === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${CLASS[kind]}`);
  return `Drift: ${report.drift.length} item${report.drift.length === 1 ? '' : 's'} (${counts.join(', ')})${silenced}.`;
}

function when(item: DriftEntry, report: DriftReport): string {
  return `${CLASS[item.classification]} (live modified ${item.liveUpdatedAt ?? 'unknown'}, config committed ${report.configChangedAt ?? 'unknown'})`;
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
