// The plan for a person at a terminal, Terraform-like: per provider, `+` create, `~` update, `-` delete,
// customers gathered per group, then findings and the closing summary line.
import type { Finding, GroupChange, MembershipChange, Plan } from '../model.js';
import { formatFinding } from './findings.js';
import { count, fromLabel, isStructured, sections, showValue, valueDiff, type Block } from './plan-view.js';
import { renderSummary } from './summary.js';

export interface TextOptions {
  /** ANSI colour (green +, yellow ~, red -); the caller decides (TTY, NO_COLOR, --no-color). */
  color: boolean;
  /** The config file the no-changes line names. */
  configFile?: string;
  /** Most customers listed per group, then `… and N more`; Infinity lists them all. */
  maxMembers?: number;
}

type Mark = '+' | '~' | '-' | ' ';
const COLOURS: Record<Mark, number | null> = { '+': 32, '~': 33, '-': 31, ' ': null };

/** The rendered plan, ending in a newline. */
export function renderText(plan: Plan, options: TextOptions): string {
  const paint = painter(options.color);
  const lines: string[] = [];
  for (const section of sections(plan)) {
    lines.push(`Provider ${section.provider}`);
    for (const block of section.blocks) lines.push(...renderBlock(block, paint, options.maxMembers ?? 20));
    lines.push('');
  }
  lines.push(...renderFindings(plan.findings, paint));
  lines.push(renderSummary(plan, options.configFile));
  return lines.join('\n') + '\n';
}

type Paint = (mark: Mark, text: string) => string;

function painter(color: boolean): Paint {
  return (mark, text) => {
    const code = COLOURS[mark];
    if (!color || code === null) return text;
    // Per line, so that pagers and split terminals keep the colour of each line.
    return text.split('\n').map((line) => `\x1b[${code}m${line}\x1b[39m`).join('\n');
  };
}

function renderBlock(block: Block, paint: Paint, maxMembers: number): string[] {
  switch (block.kind) {
    case 'group':
      return renderGroup(block.change, paint);
    case 'join':
      return [
        paint('+', `  + ${count(block.changes.length, 'customer')} ${block.changes.length === 1 ? 'joins' : 'join'} ${block.group}`),
        ...members(block.changes, paint, maxMembers),
      ];
    case 'leave':
      return [
        paint('-', `  - ${count(block.changes.length, 'customer')} ${block.changes.length === 1 ? 'leaves' : 'leave'} ${block.group}`),
        ...members(block.changes, paint, maxMembers),
      ];
  }
}

function renderGroup(change: GroupChange, paint: Paint): string[] {
  const pad = '      ';
  switch (change.action) {
    case 'create':
      return [
        paint('+', `  + create group ${change.address}`),
        ...Object.entries(change.after ?? {}).map(([field, value]) =>
          paint('+', `${pad}${field}: ${showValue(value).replaceAll('\n', `\n${pad}`)}`)),
      ];
    case 'update':
      return [
        paint('~', `  ~ update group ${change.address}`),
        ...Object.entries(change.after ?? {}).flatMap(([field, after]) => {
          const before = change.before?.[field];
          if (!isStructured(before) && !isStructured(after)) {
            return [`${pad}${field}: ${paint('-', showValue(before))} -> ${paint('+', showValue(after))}`];
          }
          return [`${pad}${field}:`, ...valueDiff(before, after).map(({ mark, text }) => paint(mark, `${pad}  ${mark} ${text}`))];
        }),
      ];
    case 'delete': {
      const name = change.before?.name;
      return [paint('-', `  - delete group ${change.address}${typeof name === 'string' ? ` (${name})` : ''}`)];
    }
  }
}

function members(changes: readonly MembershipChange[], paint: Paint, max: number): string[] {
  const shown = changes.slice(0, max).map((change) => {
    const from = fromLabel(change);
    const mark: Mark = change.action === 'create' ? '+' : change.action === 'update' ? '~' : '-';
    return paint(mark, `      ${mark} ${change.email}${from ? ` (from ${from})` : ''}`);
  });
  const rest = changes.length - shown.length;
  return rest > 0 ? [...shown, `      … and ${rest} more`] : shown;
}

function renderFindings(findings: readonly Finding[], paint: Paint): string[] {
  const lines: string[] = [];
  // Warnings in the colour of a change (~), errors in that of a removal (-).
  for (const [severity, title, mark] of [['warning', 'Warnings:', '~'], ['error', 'Errors:', '-']] as const) {
    const these = findings.filter((finding) => finding.severity === severity);
    if (these.length === 0) continue;
    lines.push(paint(mark, title), ...these.map((finding) => `  ${formatFinding(finding)}`), '');
  }
  return lines;
}
