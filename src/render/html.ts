// The plan as one self-contained HTML page, for people who would rather look than read (a reviewer, a
// merchant, a CI artifact): the header, findings first and loud, a summary card per provider, a bar chart
// of the changes per group, then per group a collapsible section with the field diff and the customers.
// Built from the same views as the text and Markdown renderers; e-mails masked by default. Pure.
import type { GroupChange, Plan } from '../model.js';
import { summarize } from '../plan/plan.js';
import { calls, leastTime } from './cost.js';
import { formatFinding } from './findings.js';
import { barChart, escapeHtml, headerHtml, mark, MARKS, page, type BarRow, type ReportHeader } from './html-page.js';
import { emailShower } from './mask.js';
import {
  byProviderOrder,
  count,
  groupsOf,
  groupTitle,
  groupWhat,
  isStructured,
  memberBlockTitle,
  memberLines,
  providerTitle,
  sections,
  showValue,
  valueDiff,
  type Block,
  type GroupBlocks,
  type Mark,
  type MarkedLine,
  type ProviderInfo,
} from './plan-view.js';
import { renderSummary } from './summary.js';

export interface HtmlOptions {
  header: ReportHeader;
  /** Show `j***#3f2a9c@example.com` instead of full addresses (default: on; a report is passed around). */
  maskEmails?: boolean;
  /** Keys the masked addresses' tags (GROUPFORM_MASK_KEY). */
  maskKey?: string;
  /** Most customers listed per group and direction, then `… and N more` (default 100). */
  maxMembers?: number;
}

/** Most findings listed per severity, groups in the chart, and groups with a section of their own. */
const HTML_LIMITS = { findings: 200, chartGroups: 40, groupSections: 1_000 };

type Show = (text: string) => string;

export function renderHtml(plan: Plan, options: HtmlOptions): string {
  const show = emailShower(options.maskEmails ?? true, options.maskKey);
  const providers = options.header.providers;
  const order = providers?.map((provider) => provider.name);
  const planSections = sections(plan, order);
  const names = byProviderOrder([...new Set([...planSections.map((s) => s.provider), ...(plan.estimate ?? []).map((e) => e.provider)])], (n) => n, order);
  const header: ReportHeader = { ...options.header, providerNames: options.header.providerNames ?? names };
  const groups = planSections.map((section) => ({ section, groups: groupsOf(section) }));
  const body = [
    headerHtml('groupform plan', header),
    `<p class="headline" id="headline">${escapeHtml(renderSummary(plan, header.configFile))}</p>`,
    findingsHtml(plan, show),
    plan.changes.length === 0 ? '' : summaryHtml(plan, names, providers),
    plan.changes.length === 0 ? '' : chartHtml(groups.flatMap(({ groups }) => groups)),
    plan.changes.length === 0 ? '' : detailsHtml(groups, providers, options.maxMembers ?? 100, show),
  ];
  return page(`groupform plan: ${renderSummary(plan, header.configFile)}`, body.filter(Boolean).join('\n'));
}

/** Errors, then warnings, each in a box of its own above everything else. */
export function findingsHtml(plan: Pick<Plan, 'findings'>, show: Show): string {
  return (['error', 'warning'] as const)
    .map((severity) => {
      const these = plan.findings.filter((finding) => finding.severity === severity);
      if (these.length === 0) return '';
      const title = severity === 'error' ? `✖ ${count(these.length, 'error')}` : `⚠ ${count(these.length, 'warning')}`;
      const items = these.slice(0, HTML_LIMITS.findings).map((finding) => `<li>${escapeHtml(show(formatFinding(finding)))}</li>`);
      if (these.length > HTML_LIMITS.findings) items.push(`<li class="more">… and ${these.length - HTML_LIMITS.findings} more</li>`);
      return `<section class="alert ${severity}s" role="${severity === 'error' ? 'alert' : 'status'}"><h2>${title}</h2><ul>${items.join('')}</ul></section>`;
    })
    .join('\n');
}

function summaryHtml(plan: Plan, names: readonly string[], providers?: readonly ProviderInfo[]): string {
  const cards = names.map((name) => {
    const changes = plan.changes.filter((change) => change.provider === name);
    const s = summarize(changes);
    const members = (action: 'create' | 'update' | 'delete'): number => changes.filter((c) => c.kind === 'membership' && c.action === action).length;
    const cost = plan.estimate?.find((estimate) => estimate.provider === name);
    const warnings = plan.findings.filter((finding) => finding.provider === name).length;
    const rows: (readonly [string, Mark | null, string, string | number])[] = [
      ['groups-created', '+', 'Groups created', s.groupsToCreate],
      ['groups-changed', '~', 'Groups changed', s.groupsToUpdate],
      ['groups-deleted', '-', 'Groups deleted', s.groupsToDelete],
      ['customers-joining', '+', 'Customers joining', members('create')],
      ['customers-moving', '~', 'Customers moving', members('update')],
      ['customers-leaving', '-', 'Customers leaving', members('delete')],
      ...(cost
        ? [['api-calls', null, 'API calls', calls(cost.calls)] as const, ['time', null, 'Time', cost.calls === 0 ? '–' : leastTime(cost.seconds)] as const]
        : []),
      ...(warnings > 0 ? [['findings', null, '⚠ Findings', count(warnings, 'finding')] as const] : []),
    ];
    const body = rows.map(
      ([key, sign, label, value]) =>
        `<tr data-count="${key}"><th scope="row">${sign ? `<span class="${MARKS[sign].css}">${mark(sign)}</span>` : ''}${label}</th><td class="n">${escapeHtml(String(value))}</td></tr>`,
    );
    return (
      `<section class="card" data-provider="${escapeHtml(name)}"><h3>${escapeHtml(providerTitle(name, providers))}</h3>` +
      `<table><thead><tr><th scope="col">Change</th><th scope="col" class="n">Count</th></tr></thead><tbody>${body.join('')}</tbody></table></section>`
    );
  });
  return `<section aria-labelledby="summary"><h2 id="summary">Summary per provider</h2><div class="cards">${cards.join('\n')}</div></section>`;
}

/** The groups with the most changes (a deleted group always shows), in plan order. */
function chartHtml(groups: readonly GroupBlocks[]): string {
  const rows = groups.map((group): BarRow => {
    const parts: BarRow['parts'] = {};
    const add = (sign: '+' | '~' | '-', n: number): void => void (parts[sign] = (parts[sign] ?? 0) + n);
    let deleted = false;
    for (const block of group.blocks) {
      if (block.kind === 'group') {
        if (block.change.temporary) continue;
        add(sign(block.change), 1);
        deleted ||= block.change.action === 'delete';
      } else {
        for (const change of block.changes) add(change.action === 'create' ? '+' : change.action === 'update' ? '~' : '-', 1);
      }
    }
    return { label: group.label, parts, deleted };
  });
  const size = (row: BarRow): number => (row.parts['+'] ?? 0) + (row.parts['~'] ?? 0) + (row.parts['-'] ?? 0);
  const kept = new Set([...rows].sort((a, b) => Number(b.deleted) - Number(a.deleted) || size(b) - size(a)).slice(0, HTML_LIMITS.chartGroups));
  const shown = rows.filter((row) => kept.has(row));
  const left = rows.length - shown.length;
  const caption = `Changes per group: ${count(rows.length, 'group')}${left > 0 ? `, the ${shown.length} with the most changes shown` : ''}; a deleted group's bar ends in “group deleted”.`;
  return `<section aria-labelledby="chart"><h2 id="chart">Changes per group</h2>${barChart(shown, caption)}</section>`;
}

function sign(change: GroupChange): '+' | '~' | '-' {
  return change.action === 'create' ? '+' : change.action === 'update' ? '~' : '-';
}

function detailsHtml(
  all: readonly { section: { provider: string }; groups: GroupBlocks[] }[],
  providers: readonly ProviderInfo[] | undefined,
  maxMembers: number,
  show: Show,
): string {
  let budget = HTML_LIMITS.groupSections;
  const parts = all.map(({ section, groups }) => {
    const kept = groups.slice(0, Math.max(0, budget));
    budget -= kept.length;
    const left = groups.length - kept.length;
    return (
      `<section data-provider="${escapeHtml(section.provider)}"><h3>Provider ${escapeHtml(providerTitle(section.provider, providers))}</h3>` +
      kept.map((group) => groupSection(group, maxMembers, show)).join('\n') +
      (left > 0 ? `<p class="more">${count(left, 'more group')} not shown here; run <code>groupform plan</code> for the whole plan.</p>` : '') +
      '</section>'
    );
  });
  return `<section aria-labelledby="details"><h2 id="details">Changes by group</h2>${parts.join('\n')}</section>`;
}

function groupSection(group: GroupBlocks, maxMembers: number, show: Show): string {
  const first = group.blocks[0]!;
  const lead: Mark = first.kind === 'group' ? sign(first.change) : first.kind === 'join' ? '+' : '-';
  return (
    `<details class="group" data-group="${escapeHtml(group.address)}"><summary><span class="${MARKS[lead].css}">${mark(lead)}</span>` +
    `<code>${escapeHtml(group.label)}</code>: ${escapeHtml(groupWhat(group.blocks).join('; '))}</summary>` +
    group.blocks.map((block) => blockHtml(block, maxMembers, show)).join('') +
    '</details>'
  );
}

function blockHtml(block: Block, maxMembers: number, show: Show): string {
  if (block.kind === 'group') return groupChangeHtml(block.change);
  const lead: Mark = block.kind === 'join' ? '+' : '-';
  const { lines, more } = memberLines(block, maxMembers, show);
  const items = lines.map((line) => `<li class="${MARKS[line.mark].css}">${mark(line.mark)}${escapeHtml(line.text)}</li>`);
  if (more > 0) items.push(`<li class="more">… and ${more} more</li>`);
  return `<p class="${MARKS[lead].css}">${mark(lead)}${escapeHtml(memberBlockTitle(block))}</p><ul class="members">${items.join('')}</ul>`;
}

function groupChangeHtml(change: GroupChange): string {
  const s = sign(change);
  const title = `<p class="${MARKS[s].css}">${mark(s)}${escapeHtml(groupTitle(change))}</p>`;
  const pre = (text: string, sign?: Mark): string => `<pre${sign ? ` class="${MARKS[sign].css}"` : ''}>${sign ? mark(sign) : ''}${escapeHtml(text)}</pre>`;
  switch (change.action) {
    case 'create':
      return (
        title +
        table(
          ['Field', 'Value'],
          Object.entries(change.after ?? {}).map(([field, value]) => [escapeHtml(field), pre(showValue(value))]),
        )
      );
    case 'update':
      return (
        title +
        table(
          ['Field', 'Before', 'After'],
          Object.entries(change.after ?? {}).map(([field, after]) => {
            const before = change.before?.[field];
            if (!isStructured(before) && !isStructured(after)) return [escapeHtml(field), pre(showValue(before), '-'), pre(showValue(after), '+')];
            return [escapeHtml(field), { colspan: 2, html: diffHtml(valueDiff(before, after)) }];
          }),
        )
      );
    case 'delete':
      return title;
  }
}

/** A line diff, each line with its sign shown and named. */
function diffHtml(lines: readonly MarkedLine[]): string {
  return `<pre class="diff">${lines.map((line) => `<span class="${MARKS[line.mark].css}">${mark(line.mark)}${escapeHtml(line.text)}</span>`).join('\n')}</pre>`;
}

type Cell = string | { colspan: number; html: string };

function table(headings: readonly string[], rows: readonly Cell[][]): string {
  const head = headings.map((heading) => `<th scope="col">${heading}</th>`).join('');
  const body = rows.map(([first, ...rest]) => {
    const cells = rest.map((cell) => (typeof cell === 'string' ? `<td>${cell}</td>` : `<td colspan="${cell.colspan}">${cell.html}</td>`));
    return `<tr><th scope="row"><code>${typeof first === 'string' ? first : ''}</code></th>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="fields"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}
