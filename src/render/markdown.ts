// The plan as Markdown, for a pull-request comment: the summary first, then per provider a `diff` code
// block (which code hosts colour by each line's first character), then the findings.
import type { GroupChange, Plan } from '../model.js';
import { formatFinding } from './findings.js';
import { groupTitle, isStructured, memberBlockTitle, memberLines, sections, showValue, valueDiff, type Block } from './plan-view.js';
import { renderSummary } from './summary.js';

export interface MarkdownOptions {
  /** The config file the no-changes line names. */
  configFile?: string;
  /** Most customers listed per group, then `… and N more`; Infinity lists them all. */
  maxMembers?: number;
}

/** The rendered plan, ending in a newline. */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const lines = ['### groupform plan', '', `**${escapeMarkdown(renderSummary(plan, options.configFile))}**`, ''];
  for (const section of sections(plan)) {
    const body = section.blocks.flatMap((block) => blockLines(block, options.maxMembers ?? 20));
    lines.push(`#### ${escapeMarkdown(section.provider)}`, '', ...fenced('diff', body), '');
  }
  for (const [severity, title] of [['warning', 'Warnings'], ['error', 'Errors']] as const) {
    const these = plan.findings.filter((finding) => finding.severity === severity);
    if (these.length > 0) lines.push(`**${title}**`, '', ...these.map((finding) => `- ${escapeMarkdown(formatFinding(finding))}`), '');
  }
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

function blockLines(block: Block, maxMembers: number): string[] {
  if (block.kind === 'group') return groupLines(block.change);
  const { lines, more } = memberLines(block, maxMembers);
  return [
    `${block.kind === 'join' ? '+' : '-'} ${memberBlockTitle(block)}`,
    ...lines.map((line) => `${line.mark}     ${line.text}`),
    ...(more > 0 ? [`      … and ${more} more`] : []),
  ];
}

function groupLines(change: GroupChange): string[] {
  switch (change.action) {
    case 'create':
      return [
        `+ ${groupTitle(change)}`,
        ...Object.entries(change.after ?? {}).flatMap(([field, value]) =>
          `${field}: ${showValue(value)}`.split('\n').map((line) => `+     ${line}`)),
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

/** A code block whose fence is longer than any run of backticks inside it (names may hold backticks). */
function fenced(language: string, body: readonly string[]): string[] {
  const longest = Math.max(0, ...body.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence + language, ...body, fence];
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&');
}
