// A saved plan is a file from a pipeline artifact or a pull request: hostile. Edited, with its sha256 checksum
// recomputed (it is no signature), it must still not make groupform do anything the config would not: the
// real CLI, against the emulators on loopback, refuses each such change by name, exits 1, and writes nothing.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/model.js';
import { checksumOf, type Precondition, type SavedPlan } from '../../src/plan/saved.js';
import { repoConfig, sandboxProject, type Platform, type SandboxProject } from '../commands/sandbox-project.js';

let env: SandboxProject;
beforeEach(async () => {
  env = await sandboxProject({ 'groups.yaml': await repoConfig() });
});
afterEach(async () => {
  await env.close();
});

const PLATFORMS: Platform[] = ['commercelayer', 'bigcommerce', 'xtrakit'];
const snapshot = () => Promise.all(PLATFORMS.map((platform) => env.state(platform)));

async function savePlan(...args: string[]): Promise<SavedPlan> {
  const result = await env.run(['plan', '--out', 'plan.json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(await readFile(path.join(env.project.dir, 'plan.json'), 'utf8')) as SavedPlan;
}

/** What an attacker does: add changes with matching preconditions, and recompute the checksum. */
async function tamper(saved: SavedPlan, added: { change: Change; precondition: Precondition }[]): Promise<void> {
  for (const { change, precondition } of added) {
    saved.plan.changes.push(change);
    saved.preconditions[change.address] = precondition;
  }
  saved.checksum = checksumOf(saved);
  await writeFile(path.join(env.project.dir, 'plan.json'), JSON.stringify(saved, null, 2));
}

/** Runs `apply plan.json`, checking that nothing was written: not one write call, the platforms unchanged. */
async function applyRefused(...args: string[]): Promise<string> {
  const before = await snapshot();
  const result = await env.run(['apply', 'plan.json', '--log-file', 'calls.jsonl', ...args]);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const log = await readFile(path.join(env.project.dir, 'calls.jsonl'), 'utf8').catch(() => '');
  const calls = log
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; path: string });
  expect(calls.length).toBeGreaterThan(0);
  // Commerce Layer's token request is the only POST a read makes.
  expect(calls.filter((call) => call.method !== 'GET' && !call.path.startsWith('/oauth/token'))).toEqual([]);
  expect(await snapshot()).toEqual(before);
  return result.stderr;
}

describe('apply of a tampered saved plan, its checksum recomputed', () => {
  it('refuses a delete of an unmanaged group on a provider without prune (BigCommerce Retail)', async () => {
    const saved = await savePlan();
    await tamper(saved, [
      {
        change: { kind: 'group', action: 'delete', address: 'bc/#1', provider: 'bc', key: null, id: '1', before: { name: 'Retail' }, after: null },
        precondition: { kind: 'group', id: '1', attributes: { name: 'Retail' } },
      },
    ]);
    const stderr = await applyRefused();
    expect(stderr).toContain('bc: error: bc/#1 (delete group "Retail"): bc does not prune (no `prune: true` in groups.yaml): none of its groups is deleted');
    expect(stderr).toContain('Error: 1 change of plan.json is not what groups.yaml asks for today, so nothing was applied.');
  });

  it('refuses a delete of an ignored group, on a provider that prunes', async () => {
    const saved = await savePlan();
    await tamper(saved, [
      {
        change: {
          kind: 'group',
          action: 'delete',
          address: 'xk/#3',
          provider: 'xk',
          key: null,
          id: '3',
          before: { name: 'Legacy Spring Promo', description: 'Kept for the 2024 campaign reports' },
          after: null,
        },
        precondition: { kind: 'group', id: '3', attributes: { name: 'Legacy Spring Promo' } },
      },
    ]);
    const stderr = await applyRefused();
    expect(stderr).toContain(
      'xk: error: xk/#3 (delete group "Legacy Spring Promo"): group "Legacy Spring Promo" matches ignore (Legacy *) on xk: it is never changed or deleted',
    );
  });

  it('refuses a membership move the config does not ask for, and a removal from an additive group', async () => {
    const saved = await savePlan();
    await tamper(saved, [
      {
        change: {
          kind: 'membership',
          action: 'create',
          address: 'bc/members/liam.jones@example.com',
          provider: 'bc',
          customerId: '2',
          email: 'liam.jones@example.com',
          before: null,
          after: { key: 'vip', id: '2', name: 'VIP' },
        },
        precondition: { kind: 'customer', id: '2', groupId: null },
      },
      {
        change: {
          kind: 'membership',
          action: 'delete',
          address: 'bc/members/lucas.jones@example.com',
          provider: 'bc',
          customerId: '8',
          email: 'lucas.jones@example.com',
          before: { key: 'wholesale', id: '3', name: 'Wholesale' },
          after: null,
        },
        precondition: { kind: 'customer', id: '8', groupId: '3' },
      },
    ]);
    const stderr = await applyRefused('--skip-stale');
    expect(stderr).toContain(
      'bc: error: bc/members/liam.jones@example.com (move from no group to bc/vip): groups.yaml does not put liam.jones@example.com in bc/vip',
    );
    expect(stderr).toContain(
      'bc: error: bc/members/lucas.jones@example.com (move from bc/wholesale to no group): group bc/wholesale is additive: its customers are never removed',
    );
    expect(stderr).toContain('2 changes of plan.json are not what groups.yaml asks for today, so nothing was applied.');
  });

  it('refuses an update of a protected group to values the config does not declare', async () => {
    const saved = await savePlan();
    const staff = saved.plan.changes.find((change) => change.address === 'bc/staff')!;
    staff.after = { discount_rules: [{ type: 'all', method: 'percent', amount: '100.0000' }] };
    await tamper(saved, []);
    expect(await applyRefused()).toContain('bc: error: bc/staff (update group): the config asks for other values (discount_rules) (the group is protected)');
  });

  it('refuses a change outside the targets the plan was made for, or given to apply', async () => {
    const full = await savePlan();
    const xkVip = full.plan.changes.find((change) => change.address === 'xk/vip')!;
    const precondition = full.preconditions['xk/vip']!;
    const forBc = await savePlan('--target', 'bc');
    expect(forBc.targets).toEqual([{ provider: 'bc' }]);
    await tamper(forBc, [{ change: xkVip, precondition }]);
    expect(await applyRefused()).toContain('xk: error: xk/vip (update group): it is outside the targets the plan was made for (--target bc)');

    await savePlan('--target', 'bc');
    expect(await applyRefused('--target', 'cl')).toMatch(
      /bc: error: bc\/guests \(create group "Guests"\): it is outside the targets given to apply \(--target cl\)/,
    );
  });
});
