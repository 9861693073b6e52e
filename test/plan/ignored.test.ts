import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

const pos = { file: 'groups.yaml', line: 12, column: 3 };

describe('ignore: live groups a pattern covers are never claimed', () => {
  it('refuses a declared group whose Commerce Layer code matches an ignored group, and neither renames nor rewrites it', () => {
    const result = plan(
      desired(
        [group('cl', 'legacy', { name: 'Legacy Club', attributes: { name: 'Legacy Club', metadata: { tier: 'x' } }, members: ['a@x.com'], pos })],
        [instance('cl', { ignore: ['*'], prune: true })],
      ),
      [
        live(
          'cl',
          [liveGroup('g5', 'Legacy', { code: 'legacy', attributes: { name: 'Legacy', metadata: { tier: 'old' } } })],
          [customer('c1', 'b@x.com', 'g5')],
        ),
      ],
      options(),
    );
    expect(result.changes).toEqual([]);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'ignored-group-claimed',
        provider: 'cl',
        group: 'legacy',
        pos,
        message:
          'group legacy matches live group "Legacy" (#g5) on cl by code, and ignore pattern "*" covers that group; ' +
          'an ignored group is never renamed, changed or deleted: narrow the pattern, or declare another group',
      },
    ]);
  });

  it('refuses the claim by pinned id or by name too', () => {
    const byPin = plan(
      desired([group('bc', 'vip', { name: 'VIP', pinnedId: '5' })], [instance('bc', { ignore: ['Legacy *'] })]),
      [live('bc', [liveGroup('5', 'Legacy 2020')])],
      options(),
    );
    expect(byPin.changes).toEqual([]);
    expect(byPin.findings.map((finding) => finding.message)).toEqual([
      'group vip matches live group "Legacy 2020" (#5) on bc by its pinned id (ids.bc), and ignore pattern "Legacy *" covers that group; ' +
        'an ignored group is never renamed, changed or deleted: narrow the pattern, or declare another group',
    ]);
    const byName = plan(
      desired(
        [group('xk', 'old', { name: 'Legacy 2020', attributes: { name: 'Legacy 2020', description: 'new' } })],
        [instance('xk', { ignore: ['Legacy *'] })],
      ),
      [live('xk', [liveGroup('5', 'Legacy 2020')])],
      options(),
    );
    expect(byName.changes).toEqual([]);
    expect(byName.findings.map((finding) => finding.code)).toEqual(['ignored-group-claimed']);
  });

  it('refuses to create or rename a group into a name a pattern covers: the next plan would find it ignored', () => {
    const result = plan(
      desired(
        [group('bc', 'new', { name: 'Legacy New', pos }), group('bc', 'vip', { name: 'Legacy VIP', pinnedId: '1' })],
        [instance('bc', { ignore: ['Legacy *'] })],
      ),
      [live('bc', [liveGroup('1', 'VIP')])],
      options(),
    );
    expect(result.changes).toEqual([]);
    expect(result.findings.map((finding) => [finding.code, finding.message])).toEqual([
      [
        'ignored-group-claimed',
        'group new would be named "Legacy New" on bc, which ignore pattern "Legacy *" covers, so the group would be ignored once it is there: rename it, or narrow the pattern',
      ],
      [
        'ignored-group-claimed',
        'group vip would be named "Legacy VIP" on bc, which ignore pattern "Legacy *" covers, so the group would be ignored once it is there: rename it, or narrow the pattern',
      ],
    ]);
  });

  it('still moves declared customers out of an ignored group, and says how many leave it', () => {
    const result = plan(
      desired(
        [group('bc', 'vip', { members: ['a@x.com', 'b@x.com'] }), group('bc', 'gold', { members: ['c@x.com'] })],
        [instance('bc', { ignore: ['Legacy*'], prune: true })],
      ),
      [
        live(
          'bc',
          [liveGroup('1', 'VIP'), liveGroup('2', 'GOLD'), liveGroup('5', 'Legacy')],
          [customer('c1', 'a@x.com', '5'), customer('c2', 'b@x.com', '5'), customer('c3', 'c@x.com', '5'), customer('c4', 'd@x.com', '5')],
        ),
      ],
      options(),
    );
    // Legacy is neither deleted nor emptied: d@x.com stays in it.
    expect(result.changes.map((change) => `${change.kind} ${change.action} ${change.address}`)).toEqual([
      'membership update bc/members/c@x.com',
      'membership update bc/members/a@x.com',
      'membership update bc/members/b@x.com',
    ]);
    expect(result.findings).toEqual([
      {
        severity: 'warning',
        code: 'leaves-ignored-group',
        provider: 'bc',
        message:
          '3 customers leave group "Legacy" (#5) on bc, which ignore pattern "Legacy*" covers: the file declares them in other groups, and a customer has one group',
      },
    ]);
  });
});
