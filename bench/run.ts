// `npm run bench`: each case prepared in a temp folder, run in its own process (for an honest peak RSS),
// then one table. Exits 1 when a case exceeds its budget or fails.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchResult } from './case.js';
import { cases } from './cases/index.js';
import { failedRow, formatTable, overruns, tableRow } from './table.js';

const child = fileURLToPath(new URL('./child.ts', import.meta.url));

function measure(index: number, dir: string): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    // process.execArgv carries tsx's loader, so the child runs TypeScript too.
    const proc = fork(child, [String(index), dir], { execArgv: process.execArgv });
    let result: BenchResult | undefined;
    proc.on('message', (message) => (result = message as BenchResult));
    proc.on('error', reject);
    proc.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`case ${index} exited with ${code}`))));
  });
}

async function runCase(benchCase: BenchCase, index: number): Promise<BenchResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'groupform-bench-'));
  try {
    await benchCase.prepare?.(dir);
    return await measure(index, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rows: string[][] = [];
let failed = false;
for (const [index, benchCase] of cases.entries()) {
  try {
    const result = await runCase(benchCase, index);
    failed ||= overruns(benchCase.budget, result).length > 0;
    rows.push(tableRow(benchCase, result));
  } catch (error) {
    // One broken case must not hide the others' figures; its error is in the table and the run fails.
    failed = true;
    rows.push(failedRow(benchCase, error));
  }
}
console.log(formatTable(rows));
if (failed) process.exitCode = 1;
