// The apply summary: counts, then each failed item with its error, then the items not attempted grouped by
// reason, then platform warnings. Pure: returns text ending in a newline; the command prints it.
import type { ApplyResult, ItemResult } from '../apply/result.js';
import type { Change } from '../model.js';
import { emailShower } from './mask.js';

/** Most items listed under one heading or reason; a run cut short can leave thousands. */
const LIST_LIMIT = 20;

type Paint = (code: number, text: string) => string;

export function renderResults(result: ApplyResult, options: { color: boolean; maskEmails?: boolean; maskKey?: string }): string {
  const paint: Paint = options.color ? (code, text) => `\x1b[${code}m${text}\x1b[39m` : (_, text) => text;
  const complete = result.failed === 0 && result.notAttempted === 0;
  const headColor = result.failed > 0 ? 31 : complete ? 32 : 33;
  const lines = [paint(headColor, `Apply complete: ${result.done} done, ${result.failed} failed, ${result.notAttempted} not attempted.`)];

  const failed = result.items.filter((item) => item.status === 'failed');
  if (failed.length > 0) {
    lines.push('', paint(31, 'Failed:'));
    lines.push(
      ...capped(
        failed.map((item) => `  ${describe(item.change)}: ${item.error?.message ?? 'unknown error'}`),
        '  ',
      ),
    );
  }

  const byReason = new Map<string, ItemResult[]>();
  for (const item of result.items.filter((i) => i.status === 'not-attempted')) {
    const reason = item.error?.message ?? 'not attempted';
    const items = byReason.get(reason) ?? [];
    items.push(item);
    byReason.set(reason, items);
  }
  if (byReason.size > 0) {
    lines.push('', paint(33, 'Not attempted:'));
    for (const [reason, items] of byReason) {
      lines.push(
        `  ${reason}:`,
        ...capped(
          items.map((item) => `    ${describe(item.change)}`),
          '    ',
        ),
      );
    }
  }

  if (result.warnings.length > 0) lines.push('', paint(33, 'Warnings:'), ...result.warnings.map((w) => `  ${w}`));
  // Apply is stateless: a fresh plan is exactly what is left to do.
  if (!complete) lines.push('', 'Run `groupform plan` to see what remains.');
  // Platform messages may name customers too: masking covers the whole summary.
  return emailShower(options.maskEmails ?? false, options.maskKey)(lines.join('\n') + '\n');
}

function capped(lines: string[], indent: string): string[] {
  if (lines.length <= LIST_LIMIT) return lines;
  return [...lines.slice(0, LIST_LIMIT), `${indent}… and ${lines.length - LIST_LIMIT} more`];
}

/** `cl/vip (create group)`, `cl/members/jo@example.com (move to VIP)`. */
function describe(change: Change): string {
  return `${change.address} (${what(change)})`;
}

function what(change: Change): string {
  if (change.kind === 'group') return `${change.action} group`;
  switch (change.action) {
    case 'create':
      return `assign to ${change.after?.name ?? '?'}`;
    case 'update':
      return `move to ${change.after?.name ?? '?'}`;
    case 'delete':
      return `unassign from ${change.before?.name ?? '?'}`;
  }
}
