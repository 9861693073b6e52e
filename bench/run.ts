// `npm run bench`: each case prepared in a temp folder, run in its own process (for an honest peak RSS),
// then one table. Exits 1 when a case exceeds its budget.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchResult } from './case.js';
import { cases } from './cases/index.js';

const child = fileURLToPath(new URL('./child.ts', import.meta.url));

function measure(index: number, dir: string): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    // process.execArgv carries tsx's loader, so the child runs TypeScript too.
    const proc = fork(child, [String(index), dir], { execArgv: [...process.execArgv, '--expose-gc'] });
    let result: BenchResult | undefined;
    proc.on('message', (message) => (result = message as BenchResult));
    proc.on('error', reject);
    proc.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`case ${index} exited with ${code}`))));
  });
}

async function runCase(benchCase: BenchCase, index: number): Promise<BenchResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'groupform-bench-'));
  try {
    await benchCase.prepare(dir);
    return await measure(index, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rows: string[][] = [['case', 'ms', 'peak RSS MB', 'heap MB', 'budget', '']];
let failed = false;
for (const [index, benchCase] of cases.entries()) {
  const result = await runCase(benchCase, index);
  const budget = benchCase.budget;
  const ok = !budget || (result.ms <= budget.ms && result.rssMb <= budget.rssMb);
  failed ||= !ok;
  rows.push([
    result.name,
    result.ms.toFixed(0),
    result.rssMb.toFixed(0),
    result.heapMb.toFixed(0),
    budget ? `< ${budget.ms} ms, < ${budget.rssMb} MB` : '',
    budget ? (ok ? 'ok' : 'OVER') : '',
  ]);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
if (failed) process.exitCode = 1;
