// The real CLI against an Xtrakit emulator that injects 500s (with a fixed seed, so each run sees the same).
import { describe, expect, it } from 'vitest';
import { startXtrakitEmulator } from '../../src/emulators/xtrakit/index.js';
import { config, count, groupOf, longestRun, seed, seedWhere, useXtrakitCase } from './xtrakit-setup.js';

const start = useXtrakitCase();

describe('groupform on Xtrakit: injected server errors', () => {
  it('rides out 500s on reads and edits, and converges', async () => {
    // Two 500s among the first six calls (the reads, then the first edits), at most four among the first 30:
    // no call can fail its five tries, and the test makes fewer than 30 calls (checked below).
    const faultSeed = seedWhere(0.2, 30, (f) => count(f.slice(0, 6)) >= 2 && count(f) <= 4);
    // Newsletter exists already: the plan creates nothing, and POST (which is never retried after a 500) is not sent.
    const state = seed();
    state.customer_groups.push({ id: 5, group_name: 'Newsletter', group_description: 'Weekly news' });
    const { emulator, run } = await start({ emulator: { state, faultRate: 0.2, faults: { kinds: ['error'] }, seed: faultSeed } });

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.stdout).toContain('Apply complete: 5 done, 0 failed, 0 not attempted.');
    expect(applied.code).toBe(0);
    const again = await run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');

    const served = emulator.requests;
    expect(served.length).toBeLessThan(30);
    expect(served.filter((r) => r.status === 500).length).toBeGreaterThanOrEqual(2);
    expect(served.some((r) => r.method === 'POST')).toBe(false);
    expect(groupOf(emulator)).toEqual({ 10: 1, 11: 1, 12: 2, 13: 2, 14: 3, 15: null });
  });

  it('reports a create that got a 500 without retrying it, skips what needs the group, and a later run does the rest', async () => {
    // The three reads succeed (groups, customers, and the groups' page 2 that shows there are no more), and so do
    // John's move out of the group about to be deleted (one write, from the record read) and that delete; the
    // sixth call (the create: --parallelism 1 makes it so) gets a 500, and no later call meets five in a row.
    const faultSeed = seedWhere(0.25, 60, (f) => f.slice(0, 5).every((fault) => !fault) && f[5]! && longestRun(f) < 5);
    const files = { 'groups.yaml': config.replace('members: [ghost@example.com]', 'members: [zoe@example.com]') };
    const { emulator, project, run } = await start({ files, emulator: { faultRate: 0.25, faults: { kinds: ['error'] }, seed: faultSeed } });

    const applied = await run(['apply', '--auto-approve', '--parallelism', '1']);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toContain('Apply complete: 5 done, 1 failed, 1 not attempted.');
    expect(applied.stdout).toContain(`Failed:
  xk/newsletter (create group): xk: POST /api/v1/customer-groups/add failed (HTTP 500): Server Error`);
    expect(applied.stdout).toContain(`Not attempted:
  group xk/newsletter was not created (its create failed):
    xk/members/zoe@example.com (move to Newsletter)`);
    expect(applied.stdout).toContain('Run `groupform plan` to see what remains.');
    // One POST: a create that may have happened is not sent twice.
    expect(emulator.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([500]);

    // The platform recovers (a fault-free emulator with the same data): the next plan is exactly the rest.
    const recovered = await startXtrakitEmulator({ port: 0, state: emulator.state(), rateLimits: false });
    try {
      const env = { XTRAKIT_BASE_URL: recovered.url, XTRAKIT_API_KEY: 'sandbox-xk-key' };
      const rest = await project.run(['plan'], env);
      expect(rest.stdout).toContain('Plan: 1 group to add, 0 to change, 0 to delete; 1 customer to move.');
      expect(rest.stdout).toContain('+ 1 customer joins xk/newsletter\n      ~ zoe@example.com (from xk/#3 (Legacy Spring Promo))');
      expect((await project.run(['apply', '--auto-approve'], env)).code).toBe(0);
      expect((await project.run(['plan', '--detailed-exitcode'], env)).code).toBe(0);
      expect(recovered.state().customer_groups.map((g) => g.group_name)).toEqual(['VIP', 'Staff', 'Legacy Spring Promo', 'Newsletter']);
    } finally {
      await recovered.close();
    }
  });
});
