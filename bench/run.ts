// `npm run bench [-- name…]`: dist/ built, then each case (or those whose name contains one of the arguments)
// prepared in a temp folder and run in its own process on dist/ (for honest speed and peak RSS: see
// lib/compiled-hooks.ts), then one table. Exits 1 when a case exceeds its budget or fails.
import { execFile, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchCase, BenchResult } from './case.js';
import { cases } from './cases/index.js';
import { failedRow, formatTable, overruns, tableRow } from './table.js';

const child = fileURLToPath(new URL('./child.ts', import.meta.url));
const compiled = new URL('./lib/compiled.ts', import.meta.url).href;

/** What the cases measure is dist/, so it is built from src/ first (as `npm test` does). */
async function build(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
}

function measure(index: number, dir: string): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    // process.execArgv carries tsx's loader, so the child runs the bench's TypeScript too.
    const proc = fork(child, [String(index), dir], { execArgv: [...process.execArgv, '--import', compiled] });
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

await build();
const rows: string[][] = [];
let failed = false;
const only = process.argv.slice(2);
for (const [index, benchCase] of cases.entries()) {
  if (only.length > 0 && !only.some((part) => benchCase.name.includes(part))) continue;
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
