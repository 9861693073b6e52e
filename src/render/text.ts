// The plan for a person at a terminal, Terraform-like: per provider, `+` create, `~` update, `-` delete,
// customers gathered per group, then findings and the closing summary line.
import type { Finding, GroupChange, Plan } from '../model.js';
import { costsToShow, describeCost } from './cost.js';
import { formatFinding } from './findings.js';
import { emailShower } from './mask.js';
import {
  byProviderOrder,
  groupTitle,
  isStructured,
  memberBlockTitle,
  memberLines,
  providerTitle,
  sections,
  showValue,
  valueDiff,
  type Block,
  type Mark,
  type ProviderInfo,
} from './plan-view.js';
import { renderSummary } from './summary.js';

export interface TextOptions {
  /** ANSI colour (green +, yellow ~, red -); the caller decides (TTY, NO_COLOR, --no-color). */
  color: boolean;
  /** The config file the no-changes line names. */
  configFile?: string;
  /** Most customers listed per group, then `… and N more`; Infinity lists them all. */
  maxMembers?: number;
  /** Show `j***#3f2a9c@example.com` instead of full addresses (default: off). */
  maskEmails?: boolean;
  /** Keys the masked addresses' tags (GROUPFORM_MASK_KEY), so that they cannot be checked against guesses. */
  maskKey?: string;
  /** The config's provider instances: their order and what each heading says of them. */
  providers?: readonly ProviderInfo[];
}

const COLOURS: Record<Mark, number | null> = { '+': 32, '~': 33, '-': 31, ' ': null };

/** The rendered plan, ending in a newline. */
export function renderText(plan: Plan, options: TextOptions): string {
  const paint = painter(options.color);
  const email = emailShower(options.maskEmails ?? false, options.maskKey);
  const lines: string[] = [];
  const order = options.providers?.map((provider) => provider.name);
  for (const section of sections(plan, order)) {
    lines.push(`Provider ${providerTitle(section.provider, options.providers)}`);
    for (const block of section.blocks) lines.push(...renderBlock(block, paint, options.maxMembers ?? 20, email));
    lines.push('');
  }
  lines.push(...renderFindings(plan.findings, paint, email));
  const costs = byProviderOrder(costsToShow(plan.estimate), (cost) => cost.provider, order);
  if (costs.length > 0) lines.push('API cost:', ...costs.map((cost) => `  ${cost.provider}: ${describeCost(cost)}`), '');
  lines.push(renderSummary(plan, options.configFile));
  return lines.join('\n') + '\n';
}

type Paint = (mark: Mark, text: string) => string;

function painter(color: boolean): Paint {
  return (mark, text) => {
    const code = COLOURS[mark];
    if (!color || code === null) return text;
    // Per line, so that pagers and split terminals keep the colour of each line.
    return text
      .split('\n')
      .map((line) => `\x1b[${code}m${line}\x1b[39m`)
      .join('\n');
  };
}

function renderBlock(block: Block, paint: Paint, maxMembers: number, email: (text: string) => string): string[] {
  if (block.kind === 'group') return renderGroup(block.change, paint);
  const mark = block.kind === 'join' ? '+' : '-';
  const { lines, more } = memberLines(block, maxMembers, email);
  return [
    paint(mark, `  ${mark} ${memberBlockTitle(block)}`),
    ...lines.map((line) => paint(line.mark, `      ${line.mark} ${line.text}`)),
    ...(more > 0 ? [`      … and ${more} more`] : []),
  ];
}

function renderGroup(change: GroupChange, paint: Paint): string[] {
  const pad = '      ';
  switch (change.action) {
    case 'create':
      return [
        paint('+', `  + ${groupTitle(change)}`),
        ...Object.entries(change.after ?? {}).map(([field, value]) => paint('+', `${pad}${field}: ${showValue(value).replaceAll('\n', `\n${pad}`)}`)),
      ];
    case 'update':
      return [
        paint('~', `  ~ ${groupTitle(change)}`),
        ...Object.entries(change.after ?? {}).flatMap(([field, after]) => {
          const before = change.before?.[field];
          if (!isStructured(before) && !isStructured(after)) {
            return [`${pad}${field}: ${paint('-', showValue(before))} -> ${paint('+', showValue(after))}`];
          }
          return [`${pad}${field}:`, ...valueDiff(before, after).map(({ mark, text }) => paint(mark, `${pad}  ${mark} ${text}`))];
        }),
      ];
    case 'delete':
      return [paint('-', `  - ${groupTitle(change)}`)];
  }
}

function renderFindings(findings: readonly Finding[], paint: Paint, email: (text: string) => string): string[] {
  const lines: string[] = [];
  // Warnings in the colour of a change (~), errors in that of a removal (-).
  for (const [severity, title, mark] of [
    ['warning', 'Warnings:', '~'],
    ['error', 'Errors:', '-'],
  ] as const) {
    const these = findings.filter((finding) => finding.severity === severity);
    if (these.length === 0) continue;
    lines.push(paint(mark, title), ...these.map((finding) => `  ${email(formatFinding(finding))}`), '');
  }
  return lines;
}
