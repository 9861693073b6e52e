// The real CLI against Xtrakit when the platform says no: a wrong API key, rate limiting, a refused edit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupOf, seed, useXtrakitCase } from './xtrakit-setup.js';

const start = useXtrakitCase();

describe('groupform on Xtrakit: the platform says no', () => {
  it("stops at a wrong API key with the platform's message, and never shows the key, even in the audit log", async () => {
    const key = 'xk-live-5f2b9c0e7d1a4b3c';
    const { emulator, project, run } = await start();

    const applied = await run(['apply', '--auto-approve', '--log-file', 'audit.log', '--verbose'], { apiKey: key });
    expect(applied.code).toBe(1);
    // --verbose says what it reads first, then the error.
    expect(applied.stderr).toMatch(
      /^reading xk \(Xtrakit, 127\.0\.0\.1:\d+\)…\nError: xk: GET \/api\/v1\/(customer-groups|customers) failed \(HTTP 401\): Unauthorized: Invalid API Key\nApiError: /,
    );
    // The other read was still in flight when the command ended: its answer must not crash the process.
    expect(applied.stderr).not.toContain('ERR_STREAM_WRITE_AFTER_END');
    const audit = await readFile(path.join(project.dir, 'audit.log'), 'utf8');
    expect(audit).toMatch(/"status":401/);
    for (const text of [applied.stdout, applied.stderr, audit]) expect(text).not.toContain(key);
    expect(emulator.requests.every((r) => r.method === 'GET' && r.status === 401)).toBe(true);
  });

  it("waits out the platform's 429s and finishes the apply", async () => {
    // A short window instead of Laravel's minute: the CLI's own limiter keeps to 60 a minute, so it is the
    // emulator that refuses here, and Retry-After that paces the client.
    const { emulator, run } = await start({ emulator: { rateLimits: { limit: 6, windowMs: 1000 } } });

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.stdout).toContain('Apply complete: 6 done, 0 failed, 0 not attempted.');
    expect(applied.code).toBe(0);
    expect(emulator.requests.some((r) => r.status === 429)).toBe(true);
    expect(groupOf(emulator)).toEqual({ 10: 1, 11: 1, 12: 2, 13: 2, 14: 3, 15: null });
  });

  it('reports an edit the platform refuses with its own words, carries on, and leaves the rest to the next plan', async () => {
    // John's record lacks a field every customer edit must carry; groupform re-sends what it read, never invents it.
    const state = seed();
    state.customers[1]!.customer_phone = null;
    const { emulator, run } = await start({ emulator: { state } });

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toContain('Apply complete: 4 done, 1 failed, 1 not attempted.');
    expect(applied.stdout).toContain(`Failed:
  xk/members/john@example.com (move to VIP): xk: PUT /api/v1/customers/11 failed (HTTP 422): The customer phone field is required.`);
    // Beta testers is not deleted while John is still in it.
    expect(applied.stdout).toContain(`Not attempted:
  1 member could not be moved out of group xk/#4:
    xk/#4 (delete group)`);
    expect(emulator.state().customer_groups.map((g) => g.id)).toEqual([1, 2, 3, 4, 5]);

    const rest = await run(['plan']);
    expect(rest.stdout).toContain('Plan: 0 groups to add, 0 to change, 1 to delete; 1 customer to move.');
    expect(rest.stdout).toContain('~ john@example.com (from xk/#4 (Beta testers))');
  });
});
