import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model.js';
import { temporaryName } from '../../src/plan/names.js';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

/** Xtrakit as it is: names unique ignoring case, matched that way. */
const xtrakit = options({
  capabilities: { ...options().capabilities, xk: { ...options().capabilities.xk!, identity: 'name-ignoring-case', delete: true } },
});

const line = (change: Change): string =>
  change.kind === 'group'
    ? `${change.action} ${change.address}${change.after?.name === undefined ? '' : ` → ${String(change.after.name)}`}`
    : `member ${change.action} ${change.address}`;

describe('names that must be free', () => {
  it('runs a rename before the create that takes the name it frees (Xtrakit)', () => {
    const result = plan(
      desired([group('xk', 'b2b', { name: 'Spring Sale', pinnedId: '12' }), group('xk', 'VIP', { name: 'Wholesale' })], [instance('xk')]),
      [live('xk', [liveGroup('12', 'Wholesale')])],
      xtrakit,
    );
    expect(result.findings).toEqual([]);
    expect(result.changes.map(line)).toEqual(['update xk/b2b → Spring Sale', 'create xk/VIP → Wholesale']);
  });

  it('refuses a rename into the name of a live group the file does not manage, naming that group', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'Retail', pinnedId: '5', pos: { file: 'groups.yaml', line: 9, column: 3 } })], [instance('bc')]),
      [live('bc', [liveGroup('4', 'Retail'), liveGroup('5', 'VIP')])],
      options(),
    );
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'name-taken',
        provider: 'bc',
        group: 'vip',
        pos: { file: 'groups.yaml', line: 9, column: 3 },
        message:
          'group vip: the name "Retail" is held on bc by live group #4 "Retail", which the file does not manage; ' +
          'rename or delete it on the platform, choose another name, or set prune: true on bc so that the plan deletes it first',
      },
    ]);
  });

  it('compares names as the platform does: ignoring case on Xtrakit, exactly on BigCommerce', () => {
    const xk = plan(
      desired([group('xk', 'vip', { name: 'retail', pinnedId: '5' })], [instance('xk')]),
      [live('xk', [liveGroup('4', 'Retail'), liveGroup('5', 'VIP')])],
      xtrakit,
    );
    expect(xk.findings.map((finding) => finding.code)).toEqual(['name-taken']);
    expect(xk.findings[0]?.message).toContain('live group #4 "Retail"');
    const bc = plan(
      desired([group('bc', 'vip', { name: 'retail', pinnedId: '5' })], [instance('bc')]),
      [live('bc', [liveGroup('4', 'Retail'), liveGroup('5', 'VIP')])],
      options(),
    );
    expect(bc.findings).toEqual([]);
    // A group renamed to its own name in other case frees nothing and takes nothing another holds.
    const own = plan(desired([group('xk', 'vip', { name: 'VIP' })], [instance('xk')]), [live('xk', [liveGroup('5', 'vip')])], xtrakit);
    expect(own.findings).toEqual([]);
    expect(own.changes.map(line)).toEqual(['update xk/vip → VIP']);
  });

  it('names the declared group that keeps a name another one takes', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'Gold', pinnedId: '5' }), group('bc', 'gold', { name: 'Gold' })], [instance('bc')]),
      [live('bc', [liveGroup('4', 'Gold'), liveGroup('5', 'VIP')])],
      options(),
    );
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'group vip: the name "Gold" is held on bc by live group #4 "Gold", which group gold manages and keeps',
    ]);
  });

  it('allows the rename when prune deletes the holder, and deletes it first', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'Retail', pinnedId: '5' })], [instance('bc', { prune: true })]),
      [live('bc', [liveGroup('4', 'Retail'), liveGroup('5', 'VIP'), liveGroup('6', 'Other')])],
      options(),
    );
    expect(result.findings).toEqual([]);
    expect(result.changes.map(line)).toEqual(['delete bc/#4', 'delete bc/#6', 'update bc/vip → Retail']);
  });

  it('refuses the name of a live group that an ignore pattern protects, even with prune', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'Legacy Retail', pinnedId: '5' })], [instance('bc', { prune: true, ignore: ['Legacy *'] })]),
      [live('bc', [liveGroup('4', 'Legacy Retail'), liveGroup('5', 'VIP')])],
      options(),
    );
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'group vip would be named "Legacy Retail" on bc, which ignore pattern "Legacy *" covers, so the group would be ignored once it is there: rename it, or narrow the pattern',
    ]);
    expect(result.changes).toEqual([]);
  });

  it('swaps two names through a temporary name, shown as its own step', () => {
    const result = plan(
      desired([group('bc', 'a', { name: 'B', pinnedId: '1' }), group('bc', 'b', { name: 'A', pinnedId: '2' })], [instance('bc')]),
      [live('bc', [liveGroup('1', 'A'), liveGroup('2', 'B')])],
      options(),
    );
    expect(result.findings).toEqual([]);
    expect(result.changes).toEqual([
      {
        kind: 'group',
        action: 'update',
        address: 'bc/a:temporary-name',
        provider: 'bc',
        key: 'a',
        id: '1',
        before: { name: 'A' },
        after: { name: 'B (groupform-tmp-1)' },
        temporary: true,
      },
      { kind: 'group', action: 'update', address: 'bc/b', provider: 'bc', key: 'b', id: '2', before: { name: 'B' }, after: { name: 'A' } },
      { kind: 'group', action: 'update', address: 'bc/a', provider: 'bc', key: 'a', id: '1', before: { name: 'B (groupform-tmp-1)' }, after: { name: 'B' } },
    ]);
    // Two groups change, whatever the steps.
    expect(result.summary.groupsToUpdate).toBe(2);
  });

  it('turns a ring of three renames with one temporary name, each rename after the one that frees its name', () => {
    const result = plan(
      desired(
        [group('xk', 'c', { name: 'A', pinnedId: '3' }), group('xk', 'a', { name: 'B', pinnedId: '1' }), group('xk', 'b', { name: 'C', pinnedId: '2' })],
        [instance('xk')],
      ),
      [live('xk', [liveGroup('1', 'a'), liveGroup('2', 'b'), liveGroup('3', 'c')])],
      xtrakit,
    );
    expect(result.findings).toEqual([]);
    expect(result.changes.map(line)).toEqual(['update xk/a:temporary-name → B (groupform-tmp-1)', 'update xk/c → A', 'update xk/b → C', 'update xk/a → B']);
  });

  it('keeps a chain without a ring in order, with no temporary name', () => {
    const result = plan(
      desired([group('bc', 'a', { name: 'B', pinnedId: '1' }), group('bc', 'b', { name: 'C', pinnedId: '2' })], [instance('bc')]),
      [live('bc', [liveGroup('1', 'A'), liveGroup('2', 'B')])],
      options(),
    );
    expect(result.changes.map(line)).toEqual(['update bc/b → C', 'update bc/a → B']);
  });

  it('refuses a name whose delete must wait for customers moving into a group the plan creates', () => {
    const result = plan(
      desired(
        [group('xk', 'vip', { name: 'Retail', pinnedId: '5' }), group('xk', 'w', { name: 'Wholesale', members: ['al@x.com'] })],
        [instance('xk', { prune: true })],
      ),
      [live('xk', [liveGroup('4', 'Retail'), liveGroup('5', 'Wholesale')], [customer('c1', 'al@x.com', '4')])],
      xtrakit,
    );
    expect(result.findings.map((finding) => `${finding.code}: ${finding.message}`)).toEqual([
      'name-order: xk/vip takes the name "Retail" that xk/#4 frees, but that group can only be deleted once its customers have joined groups ' +
        'this plan creates; apply in two runs: first without the rename (move the customers), then with it',
    ]);
  });

  it('refuses a target that keeps a rename but leaves out the change that frees its name', () => {
    const result = plan(
      desired([group('bc', 'a', { name: 'B', pinnedId: '1' }), group('bc', 'b', { name: 'A', pinnedId: '2' })], [instance('bc')]),
      [live('bc', [liveGroup('1', 'A'), liveGroup('2', 'B')])],
      options({ targets: [{ provider: 'bc', key: 'a' }] }),
    );
    expect(result.changes.map(line)).toEqual(['update bc/a:temporary-name → B (groupform-tmp-1)', 'update bc/a → B']);
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'bc/a must wait for bc/b (it frees the name "B"), which --target leaves out; target both',
    ]);
  });

  it('refuses a Commerce Layer create whose code a live group of another key holds', () => {
    const result = plan(
      desired([group('cl', 'vip'), group('cl', 'gold', { pinnedId: 'g1' })], [instance('cl')]),
      [live('cl', [liveGroup('g1', 'GOLD', { code: 'VIP' })])],
      options(),
    );
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'group vip: the code "vip" is held on cl by live group #g1 "GOLD", which group gold manages and keeps',
    ]);
  });
});

describe('temporary names', () => {
  it("are recognisable, fit the platform's length, and avoid names in use", () => {
    expect(temporaryName('Gold', '7', 255, () => false)).toBe('Gold (groupform-tmp-7)');
    const long = temporaryName('x'.repeat(300), '7', 255, () => false);
    expect(long).toHaveLength(255);
    expect(long.endsWith('x (groupform-tmp-7)')).toBe(true);
    // Counted and cut by characters (code points, as the platforms count), never half a surrogate pair.
    expect(temporaryName('😀😀😀', '7', 20, () => false)).toBe('😀😀 (groupform-tmp-7)');
    expect(temporaryName('😀😀😀', '7', 19, () => false)).toBe('😀 (groupform-tmp-7)');
    // No documented limit: nothing is cut.
    expect(temporaryName('x'.repeat(300), '7', null, () => false)).toHaveLength(300 + ' (groupform-tmp-7)'.length);
    expect(temporaryName('Gold', '7', 255, (name) => name === 'Gold (groupform-tmp-7)')).toBe('Gold (groupform-tmp-7-2)');
  });
});
