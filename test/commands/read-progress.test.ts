// What a person or a CI log sees while the platforms are read: spinners on a terminal's stderr, one line per
// provider with --verbose, then in a log a progress line per provider every few seconds while a read lasts
// (calls done, to go, time left); stdout stays the plan (or its JSON) in every case.
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan, type PlanOptions } from '../../src/commands/plan.js';
import { openWorkspace, readLive, readProgress } from '../../src/commands/workspace.js';
import { bigCommerceConfig, bigCommerceSeed } from './bigcommerce-seed.js';
import { memoryIo } from './memory-io.js';
import { sandboxProject, type SandboxProject } from './sandbox-project.js';

const seed = bigCommerceSeed([{ id: 1, name: 'VIP' }], [{ id: 1, email: 'ann@example.com', group: 0 }]);
const config = bigCommerceConfig('  vip:\n    name: VIP\n    members: [ann@example.com]');
const READING = /^reading bc \(BigCommerce, store [^)]+\)…$/m;

let env: SandboxProject | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({
  config: 'groups.yaml',
  color: false,
  verbose: false,
  sandbox: false,
  sandboxReset: false,
  format: 'text',
  detailedExitcode: false,
  strict: false,
  force: false,
  ...more,
});

describe('progress while reading', () => {
  it('a terminal gets a line per provider being read on stderr, the plan alone on stdout', async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    const io = memoryIo(env.project.dir, { ...env.sandbox.env });
    Object.assign(io.stderr, { isTTY: true, columns: 120, rows: 40 });
    expect(await runPlan(options(), io)).toBe(0);
    expect(io.err()).toContain('reading bc (BigCommerce, store ');
    expect(io.out()).toMatch(/^Provider bc \(BigCommerce, store [^)]+\)\n/);
    expect(io.out()).not.toContain('reading');
  });

  it('a CI log gets one line per provider with --verbose, and nothing without; JSON output stays clean', async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    const verbose = await env.run(['plan', '--verbose', '--format', 'json']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr.split('\n').filter((line) => READING.test(line))).toHaveLength(1);
    expect(() => JSON.parse(verbose.stdout)).not.toThrow();
    const quiet = await env.run(['plan']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).not.toContain('reading');
  });

  it('colours the plan when FORCE_COLOR asks, though stdout is no terminal', async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    const forced = await env.project.run(['plan'], { ...env.sandbox.env, FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\x1b[32m  + 1 customer joins bc/vip');
    const plain = await env.run(['plan']);
    expect(plain.stdout).toContain('  + 1 customer joins bc/vip');
    expect(plain.stdout).not.toContain('\x1b[');
  });

  it('a log gets a line per provider every few seconds while a read lasts, with calls to go and the time left', async () => {
    env = await sandboxProject({ 'groups.yaml': config }, { seed });
    const io = memoryIo(env.project.dir, { ...env.sandbox.env });
    // Each look at the clock moves it 3 s: every other event of the read is worth a line.
    let now = 0;
    const workspace = await openWorkspace(options(), io, { now: () => (now += 3000) });
    try {
      await readLive(workspace, { progress: readProgress(io, options()), stream: io.stderr });
    } finally {
      await workspace.close();
    }
    const lines = io.err().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^bc: \d+ calls? done(, \d+ to go, about \d+ s left)?$/);
    expect(lines.some((line) => line.includes(' to go, about '))).toBe(true);
    expect(io.out()).toBe('');
  });
});
