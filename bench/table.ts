// The one table `npm run bench` prints: a row per case with what it measured, its figures, its target and
// whether it met it.
import type { BenchCase, BenchResult, Budget } from './case.js';

const HEADER = ['case', 'measured', 'ms', 'calls', 'min calls', 'peak RSS MB', 'target', 'result'];
/** Columns holding numbers, aligned right. */
const NUMERIC = new Set([2, 3, 4, 5]);

/** Calls may exceed the independent minimum by this share at most. */
const CALLS_OVER_MINIMUM = 1.05;

/** The most calls a case may make: its own ceiling, else 1.05 × its minimum. */
function maxCalls(budget: Budget): number | undefined {
  return budget.calls ?? (budget.minimumCalls === undefined ? undefined : Math.floor(budget.minimumCalls * CALLS_OVER_MINIMUM));
}

/** The budget's limits that a result broke, by name; empty when it met them all. */
export function overruns(budget: Budget, result: BenchResult): string[] {
  const over: string[] = [];
  if (result.ms > budget.ms) over.push('time');
  if (result.rssMb > budget.rssMb) over.push('memory');
  const most = maxCalls(budget);
  if (most !== undefined && (result.report.calls ?? 0) > most) over.push('calls');
  for (const [name, max] of Object.entries(budget.counts ?? {})) {
    const count = result.report.counts?.[name];
    // A count the case promised but did not report is a broken case, not a pass.
    if (count === undefined || count > max) over.push(name);
  }
  return over;
}

export function tableRow(benchCase: BenchCase, result: BenchResult): string[] {
  const { report } = result;
  const counts = Object.entries(report.counts ?? {}).map(([name, n]) => `${name}: ${n}`);
  const over = overruns(benchCase.budget, result);
  return [
    benchCase.name,
    [benchCase.measures, ...counts, ...(report.notes ?? [])].join('; '),
    result.ms.toFixed(0),
    report.calls === undefined ? '' : String(report.calls),
    benchCase.budget.minimumCalls === undefined ? '' : String(benchCase.budget.minimumCalls),
    result.rssMb.toFixed(0),
    target(benchCase.budget),
    over.length ? `OVER (${over.join(', ')})` : 'ok',
  ];
}

/** A row for a case that did not finish. */
export function failedRow(benchCase: BenchCase, error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  return [benchCase.name, benchCase.measures, '', '', '', '', target(benchCase.budget), `FAILED: ${message}`];
}

function target(budget: Budget): string {
  const parts = [`< ${budget.ms} ms`, `< ${budget.rssMb} MB`];
  const most = maxCalls(budget);
  if (most !== undefined) parts.push(`<= ${most} calls`);
  for (const [name, max] of Object.entries(budget.counts ?? {})) parts.push(`${name} <= ${max}`);
  return parts.join(', ');
}

export function formatTable(rows: readonly string[][]): string {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all
    .map((row) =>
      row
        .map((cell, column) => (NUMERIC.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
