import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { desired, group, instance, live, liveGroup, options } from './fixtures.js';

const pos = { file: 'groups.yaml', line: 7, column: 3 };

describe('identity: which live group is which declared group', () => {
  it('matches a pinned id first, so a name-matched platform can rename in place', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'VIP', pinnedId: '12' })]),
      [live('bc', [liveGroup('12', 'Gold'), liveGroup('13', 'Silver')])],
      options(),
    );
    expect(result.changes).toEqual([expect.objectContaining({ kind: 'group', action: 'update', id: '12', before: { name: 'Gold' }, after: { name: 'VIP' } })]);
  });

  it('reports a pinned id that is not live as an error at the group, and plans nothing for it', () => {
    const result = plan(desired([group('bc', 'vip', { pinnedId: '99', pos, members: ['a@x.com'] })]), [live('bc', [liveGroup('12', 'VIP')])], options());
    expect(result.changes).toEqual([]);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'pinned-id-not-found',
        provider: 'bc',
        group: 'vip',
        pos,
        message: 'group vip: pinned id 99 not found on bc; fix or remove ids.bc',
      },
    ]);
  });

  it("matches Commerce Layer's code to the key case-insensitively, whatever the name", () => {
    const result = plan(desired([group('cl', 'vip', { name: 'VIP' })]), [live('cl', [liveGroup('a1', 'VIP', { code: 'VIP' })])], options());
    expect(result.changes).toEqual([]);
  });

  it('does not match by name on a code platform: a same-named group without the code is another group', () => {
    const result = plan(desired([group('cl', 'vip', { name: 'VIP' })]), [live('cl', [liveGroup('a1', 'VIP', { code: null })])], options());
    expect(result.changes.map((change) => [change.action, change.address])).toEqual([['create', 'cl/vip']]);
  });

  it('matches by exact, case-sensitive name on a name platform', () => {
    const same = plan(desired([group('bc', 'vip', { name: 'VIP' })]), [live('bc', [liveGroup('1', 'VIP')])], options());
    expect(same.changes).toEqual([]);
    const other = plan(desired([group('bc', 'vip', { name: 'VIP' })]), [live('bc', [liveGroup('1', 'Vip')])], options());
    expect(other.changes.map((change) => change.action)).toEqual(['create']);
  });

  it('matches by name ignoring case where the platform keeps names unique that way, renaming in place', () => {
    const caps = { ...options().capabilities, xk: { ...options().capabilities.xk!, identity: 'name-ignoring-case' as const } };
    const result = plan(
      desired([group('xk', 'beta', { name: 'BETA Testers' })], [instance('xk', { prune: true })]),
      [live('xk', [liveGroup('4', 'Beta testers')])],
      options({ capabilities: caps }),
    );
    expect(result.changes).toEqual([
      expect.objectContaining({ kind: 'group', action: 'update', id: '4', before: { name: 'Beta testers' }, after: { name: 'BETA Testers' } }),
    ]);
  });

  it('refuses to guess between two live groups that match one declared group, and deletes neither', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'VIP', pos })], [instance('bc', { prune: true }), instance('cl')]),
      [live('bc', [liveGroup('3', 'VIP'), liveGroup('9', 'VIP'), liveGroup('10', 'Other')])],
      options({ force: true }),
    );
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'ambiguous-group',
        provider: 'bc',
        group: 'vip',
        pos,
        message: 'group vip matches 2 live groups on bc (#3, #9) by name; pin one with ids.bc',
      },
    ]);
    expect(result.changes.map((change) => [change.action, change.address])).toEqual([['delete', 'bc/#10']]);
  });

  it('refuses one live group matched by two declared groups, and deletes it not', () => {
    const result = plan(
      desired([group('cl', 'vip'), group('cl', 'VIP')], [instance('cl', { prune: true })]),
      [live('cl', [liveGroup('a1', 'VIP', { code: 'vip' })])],
      options(),
    );
    expect(result.changes).toEqual([]);
    expect(result.findings.map((finding) => [finding.code, finding.message])).toEqual([
      ['group-matched-twice', 'live group #a1 on cl is matched by groups vip and VIP; give each its own code or pin ids.cl'],
      ['group-matched-twice', 'live group #a1 on cl is matched by groups vip and VIP; give each its own code or pin ids.cl'],
    ]);
  });

  it('takes a pinned live group out of the name matching of the other declared groups', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'VIP' }), group('bc', 'gold', { name: 'Gold', pinnedId: '7' })]),
      [live('bc', [liveGroup('7', 'VIP')])],
      options(),
    );
    expect(result.findings).toEqual([]);
    expect(result.changes.map((change) => [change.action, change.address, change.kind === 'group' && change.id])).toEqual([
      ['update', 'bc/gold', '7'],
      ['create', 'bc/vip', null],
    ]);
  });
});
