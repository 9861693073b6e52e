import { describe, expect, it } from 'vitest';
import type { LiveGroup, SafetyLimits } from '../../src/model.js';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

const limits: SafetyLimits = { maxGroupChangeShare: 0.3, maxMemberRemoveShare: 0.5, minObjects: 10 };

/** Ten live groups on bc, G0..G9; the config declares the first `kept` of them. */
function groupsPlan(kept: number, extra: { renamed?: number; force?: boolean; minObjects?: number } = {}) {
  const liveGroups: LiveGroup[] = Array.from({ length: 10 }, (_, i) => liveGroup(String(i), `G${i}`));
  const declared = liveGroups.slice(0, kept).map((g, i) => group('bc', `g${i}`, { name: i < (extra.renamed ?? 0) ? `${g.name}!` : g.name, pinnedId: g.id }));
  const providers = [instance('bc', { prune: true, safety: { ...limits, minObjects: extra.minObjects ?? 10 } })];
  return plan(desired(declared, providers), [live('bc', liveGroups)], options({ force: extra.force ?? false }));
}

describe('safety limits', () => {
  it('refuses deleting more than the share of groups, saying what and how much', () => {
    const result = groupsPlan(6);
    expect(result.findings).toEqual([
      { severity: 'error', code: 'safety-limit', provider: 'bc', message: 'would delete 4 of 10 groups on bc (40%, limit 30%); use --force to apply anyway' },
    ]);
    expect(result.summary.groupsToDelete).toBe(4);
  });

  it('counts updates and deletes together, and allows exactly the limit', () => {
    expect(groupsPlan(8, { renamed: 2 }).findings.map((finding) => finding.message)).toEqual([
      'would update or delete 4 of 10 groups on bc (40%, limit 30%); use --force to apply anyway',
    ]);
    expect(groupsPlan(9, { renamed: 2 }).findings).toEqual([]);
  });

  it('applies the group limit only from minObjects live groups', () => {
    expect(groupsPlan(6, { minObjects: 11 }).findings).toEqual([]);
  });

  it('refuses emptying a provider whatever its size', () => {
    const result = plan(desired([], [instance('bc', { prune: true, safety: limits })]), [live('bc', [liveGroup('1', 'A'), liveGroup('2', 'B')])], options());
    expect(result.findings.map((finding) => finding.message)).toEqual(['would delete every group on bc (2 of 2); use --force to apply anyway']);
  });

  it('refuses creating a protected group while deleting groups on the same provider (a rename by name), unless forced', () => {
    const providers = [instance('bc', { prune: true, safety: limits })];
    const renamed = group('bc', 'staff', { name: 'Team', protect: true, pos: { file: 'groups.yaml', line: 7, column: 3 } });
    const liveGroups = [liveGroup('1', 'Staff'), liveGroup('2', 'VIP')];
    const result = plan(desired([renamed, group('bc', 'vip', { name: 'VIP' })], providers), [live('bc', liveGroups)], options());
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'protected-group',
        provider: 'bc',
        pos: { file: 'groups.yaml', line: 7, column: 3 },
        message:
          'group staff is protected, and the plan creates it on bc while deleting bc/#1: if it was renamed, pin its id (ids.bc) so it is renamed in place; use --force to apply anyway',
      },
    ]);
    const forced = plan(desired([renamed, group('bc', 'vip', { name: 'VIP' })], providers), [live('bc', liveGroups)], options({ force: true }));
    expect(forced.findings).toEqual([]);
    // Unprotected, or with nothing deleted, a create is just a create.
    expect(
      plan(desired([{ ...renamed, protect: false }, group('bc', 'vip', { name: 'VIP' })], providers), [live('bc', liveGroups)], options()).findings,
    ).toEqual([]);
    expect(plan(desired([renamed], [instance('bc', { safety: limits })]), [live('bc', [liveGroup('2', 'VIP')])], options()).findings).toEqual([]);
  });

  it("refuses removing more than the share of one group's members, moves out included", () => {
    const members = Array.from({ length: 10 }, (_, i) => customer(`c${i}`, `m${i}@x.com`, '1'));
    const result = plan(
      desired(
        [
          group('bc', 'vip', { name: 'VIP', members: ['m0@x.com', 'm1@x.com', 'm2@x.com', 'm3@x.com'] }),
          group('bc', 'gold', { name: 'Gold', members: ['m4@x.com'] }),
        ],
        [instance('bc', { safety: limits })],
      ),
      [live('bc', [liveGroup('1', 'VIP'), liveGroup('2', 'Gold')], members)],
      options(),
    );
    expect(result.summary.customersToMove).toBe(6);
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'would remove 6 of 10 customers from bc/vip (60%, limit 50%); use --force to apply anyway',
    ]);
  });

  it('does not count customers leaving a group that is being deleted against the member limit', () => {
    const members = Array.from({ length: 10 }, (_, i) => customer(`c${i}`, `m${i}@x.com`, 'o'));
    const result = plan(
      desired([group('cl', 'vip')], [instance('cl', { prune: true, safety: { ...limits, maxGroupChangeShare: 1 } })]),
      [live('cl', [liveGroup('v', 'VIP', { code: 'vip' }), liveGroup('o', 'Old', { code: 'old' })], members)],
      options(),
    );
    expect(result.summary).toMatchObject({ groupsToDelete: 1, customersToMove: 10 });
    expect(result.findings).toEqual([]);
  });

  it('lets --force past every limit, keeping the changes', () => {
    const refused = groupsPlan(0);
    const forced = groupsPlan(0, { force: true });
    expect(refused.findings.map((finding) => finding.code)).toEqual(['safety-limit']);
    expect(forced.findings).toEqual([]);
    expect(forced.changes).toEqual(refused.changes);
  });
});
