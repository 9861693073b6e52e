// The plan as Markdown, for a pull-request comment: the summary line, a table per provider (groups to add,
// change, delete, customers to move, API cost), then per group a collapsible section with a `diff` block
// (which code hosts colour by each line's first character), then the findings. E-mails are masked by default,
// and the comment is kept under a size limit by listing fewer customers, then fewer groups.
import type { GroupChange, Plan } from '../model.js';
import { escapeHtml } from './html-page.js';
import { summarize } from '../plan/plan.js';
import { duration } from './cost.js';
import { formatFinding } from './findings.js';
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
  type ProviderInfo,
} from './plan-view.js';
import { renderSummary } from './summary.js';

export interface MarkdownOptions {
  /** The config file the no-changes line names. */
  configFile?: string;
  /** Most customers listed per group, then `… and N more`; Infinity lists them all. */
  maxMembers?: number;
  /** Show `j***#3f2a9c@example.com` instead of full addresses (default: on, comments are often public). */
  maskEmails?: boolean;
  /** Longest comment, in characters (default 60,000; GitHub refuses comments over 65,536). */
  maxChars?: number;
  /** Keys the masked addresses' tags (GROUPFORM_MASK_KEY), so that they cannot be checked against guesses. */
  maskKey?: string;
  /** The config's provider instances: their order and what each heading says of them. */
  providers?: readonly ProviderInfo[];
}

/** Most findings listed per severity. */
const MAX_FINDINGS = 50;

/** The rendered plan, ending in a newline. */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const email = emailShower(options.maskEmails ?? true, options.maskKey);
  const maxChars = options.maxChars ?? 60_000;
  const head = ['### groupform plan', '', `**${escapeMarkdown(renderSummary(plan, options.configFile))}**`, '', ...costTable(plan, options.providers)];
  const tail = findingLines(plan, email);
  let parts: Part[] = [];
  // Fewer customers per group until the comment fits; the counts in titles and the table stay exact.
  for (const maxMembers of memberCaps(options.maxMembers ?? 20)) {
    parts = detailParts(plan, maxMembers, email, options.providers);
    if (
      assemble(
        head,
        parts.map((part) => part.text),
        tail,
      ).length <= maxChars
    )
      return assemble(
        head,
        parts.map((part) => part.text),
        tail,
      );
  }
  // Still too long: as many group sections as fit, and a pointer to the rest.
  const budget = maxChars - assemble(head, [], tail).length - 200;
  const kept: string[] = [];
  let used = 0;
  let omitted = 0;
  for (const part of parts) {
    if (omitted === 0 && used + part.text.length + 1 <= budget) {
      kept.push(part.text);
      used += part.text.length + 1;
    } else {
      omitted += part.groups;
    }
  }
  const note = `*${count(omitted, 'more group')} not shown here: the comment would be too long. Run \`groupform plan\` for the whole plan.*\n`;
  return assemble(head, [...kept, note], tail);
}

/** One chunk of the details: a provider's heading (no groups), or one group's collapsible section. */
interface Part {
  text: string;
  groups: number;
}

function memberCaps(max: number): number[] {
  return [...new Set([max, 5, 0].filter((cap) => cap <= max))];
}

function assemble(head: readonly string[], parts: readonly string[], tail: readonly string[]): string {
  return [...head, ...parts, ...tail].join('\n').replace(/\n+$/, '') + '\n';
}

function costTable(plan: Plan, infos?: readonly ProviderInfo[]): string[] {
  if (plan.changes.length === 0) return [];
  const names = [...new Set([...plan.changes.map((change) => change.provider), ...(plan.estimate ?? []).map((e) => e.provider)])];
  const providers = byProviderOrder(
    names,
    (name) => name,
    infos?.map((info) => info.name),
  );
  const rows = providers.map((provider) => {
    const s = summarize(plan.changes.filter((change) => change.provider === provider));
    const cost = plan.estimate?.find((estimate) => estimate.provider === provider);
    const time = !cost || cost.calls === 0 ? '–' : cost.seconds === null ? 'unknown' : cost.seconds === 0 ? 'no wait' : `≥ ${duration(cost.seconds)}`;
    return `| ${provider} | ${s.groupsToCreate} | ${s.groupsToUpdate} | ${s.groupsToDelete} | ${s.customersToMove} | ${cost ? cost.calls : '–'} | ${time} |`;
  });
  return [
    '| Provider | Groups to add | Groups to change | Groups to delete | Customers to move | API calls | Time at rate limit |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function detailParts(plan: Plan, maxMembers: number, email: (text: string) => string, infos?: readonly ProviderInfo[]): Part[] {
  return sections(
    plan,
    infos?.map((info) => info.name),
  ).flatMap((section) => {
    const groups = groupsOf(section).map((group): Part => ({ text: groupDetails(group, maxMembers, email), groups: 1 }));
    return [{ text: `#### ${escapeMarkdown(providerTitle(section.provider, infos))}\n`, groups: 0 }, ...groups];
  });
}

/** `<details>` titled `cl/vip: create group; 2 customers join`, around a diff of the group's changes. */
function groupDetails(group: GroupBlocks, maxMembers: number, email: (text: string) => string): string {
  const body = group.blocks.flatMap((block) => blockLines(block, maxMembers, email));
  return [
    `<details><summary><code>${escapeHtml(group.label)}</code>: ${groupWhat(group.blocks).join('; ')}</summary>`,
    '',
    ...fenced('diff', body),
    '',
    '</details>',
    '',
  ].join('\n');
}

function blockLines(block: Block, maxMembers: number, email: (text: string) => string): string[] {
  if (block.kind === 'group') return groupLines(block.change);
  const { lines, more } = memberLines(block, maxMembers, email);
  return [
    `${block.kind === 'join' ? '+' : '-'} ${memberBlockTitle(block)}`,
    ...lines.map((line) => `${line.mark}     ${line.text}`),
    // With no customer listed, the title's count says it all.
    ...(more > 0 && lines.length > 0 ? [`      … and ${more} more`] : []),
  ];
}

function groupLines(change: GroupChange): string[] {
  switch (change.action) {
    case 'create':
      return [
        `+ ${groupTitle(change)}`,
        ...Object.entries(change.after ?? {}).flatMap(([field, value]) => `${field}: ${showValue(value)}`.split('\n').map((line) => `+     ${line}`)),
      ];
    case 'update':
      return [
        `~ ${groupTitle(change)}`,
        ...Object.entries(change.after ?? {}).flatMap(([field, after]) => {
          const before = change.before?.[field];
          if (!isStructured(before) && !isStructured(after)) {
            return [`-     ${field}: ${showValue(before)}`, `+     ${field}: ${showValue(after)}`];
          }
          return [`      ${field}:`, ...valueDiff(before, after).map(({ mark, text }) => `${mark}       ${text}`)];
        }),
      ];
    case 'delete':
      return [`- ${groupTitle(change)}`];
  }
}

function findingLines(plan: Plan, email: (text: string) => string): string[] {
  const lines: string[] = [];
  for (const [severity, title] of [
    ['warning', 'Warnings'],
    ['error', 'Errors'],
  ] as const) {
    const these = plan.findings.filter((finding) => finding.severity === severity);
    if (these.length === 0) continue;
    lines.push(`**${title}**`, '', ...these.slice(0, MAX_FINDINGS).map((finding) => `- ${escapeMarkdown(email(formatFinding(finding)))}`));
    if (these.length > MAX_FINDINGS) lines.push(`- … and ${these.length - MAX_FINDINGS} more`);
    lines.push('');
  }
  return lines;
}

/** A code block whose fence is longer than any run of backticks inside it (names may hold backticks). */
function fenced(language: string, body: readonly string[]): string[] {
  const longest = Math.max(0, ...body.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence + language, ...body, fence];
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&');
}
