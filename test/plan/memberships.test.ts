import { describe, expect, it } from 'vitest';
import type { MembershipChange } from '../../src/model.js';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

const memberships = (changes: readonly { kind: string }[]): MembershipChange[] =>
  changes.filter((change): change is MembershipChange => change.kind === 'membership');

const brief = (change: MembershipChange): string =>
  `${change.action} ${change.email} ${change.before?.key ?? change.before?.id ?? '-'} -> ${change.after?.key ?? '-'}`;

describe('membership changes', () => {
  it('assigns a customer in no group (create) and moves one from another group (update)', () => {
    const result = plan(
      desired([group('bc', 'vip', { members: ['john@example.com', 'jane@example.com', 'kim@example.com'] }), group('bc', 'staff')]),
      [
        live(
          'bc',
          [liveGroup('1', 'VIP'), liveGroup('2', 'STAFF')],
          [customer('c1', 'John@Example.com', null), customer('c2', 'jane@example.com', '2'), customer('c3', 'kim@example.com', '1')],
        ),
      ],
      options(),
    );
    expect(result.changes).toEqual([
      {
        kind: 'membership',
        action: 'update',
        address: 'bc/members/jane@example.com',
        provider: 'bc',
        customerId: 'c2',
        email: 'jane@example.com',
        before: { key: 'staff', id: '2', name: 'STAFF' },
        after: { key: 'vip', id: '1', name: 'VIP' },
      },
      {
        kind: 'membership',
        action: 'create',
        address: 'bc/members/john@example.com',
        provider: 'bc',
        customerId: 'c1',
        email: 'john@example.com',
        before: null,
        after: { key: 'vip', id: '1', name: 'VIP' },
      },
    ]);
    expect(result.summary.customersToMove).toBe(2);
  });

  it('refers to a group this plan creates with a null id', () => {
    const result = plan(desired([group('cl', 'vip', { members: ['a@x.com'] })]), [live('cl', [], [customer('c1', 'a@x.com')])], options());
    expect(memberships(result.changes)[0]?.after).toEqual({ key: 'vip', id: null, name: 'VIP' });
  });

  it('names an unmanaged group a customer leaves when the read got its name for free, never matching by it', () => {
    const state = { ...live('bc', [liveGroup('1', 'VIP')], [customer('c1', 'a@x.com', '77')]), groupNames: { '77': 'Retail', '1': 'VIP' } };
    const result = plan(desired([group('bc', 'vip', { members: ['a@x.com'] })]), [state], options());
    expect(memberships(result.changes).map((change) => change.before)).toEqual([{ key: null, id: '77', name: 'Retail' }]);
  });

  it('moves a customer out of an ignored or unmanaged group, naming it by id', () => {
    const result = plan(
      desired([group('bc', 'vip', { members: ['a@x.com', 'b@x.com'] })], [instance('bc', { ignore: ['Legacy*'] })]),
      [live('bc', [liveGroup('1', 'VIP'), liveGroup('5', 'Legacy')], [customer('c1', 'a@x.com', '5'), customer('c2', 'b@x.com', '77')])],
      options(),
    );
    expect(memberships(result.changes).map((change) => change.before)).toEqual([
      { key: null, id: '5', name: 'Legacy' },
      { key: null, id: '77', name: '' },
    ]);
  });

  it('warns about a declared customer the platform does not have, and errors with strict', () => {
    const pos = { file: 'groups.yaml', line: 4, column: 5 };
    const input = [desired([group('cl', 'vip', { members: ['ghost@x.com'], pos })]), [live('cl')]] as const;
    const finding = {
      code: 'customer-not-found',
      provider: 'cl',
      group: 'vip',
      pos,
      message: 'customer ghost@x.com (group vip) not found on cl; groupform never creates customers',
    };
    expect(plan(...input, options()).findings).toEqual([{ severity: 'warning', ...finding }]);
    expect(plan(...input, options({ strict: true })).findings).toEqual([{ severity: 'error', ...finding }]);
    expect(plan(...input, options()).summary.customersToMove).toBe(0);
  });

  it('lists the first 101 missing customers of a group and counts the rest, so a million cannot fill memory', () => {
    const members = Array.from({ length: 250 }, (_, i) => `ghost${i}@x.com`);
    const customers = [customer('c1', 'twin@x.com'), customer('c2', 'twin@x.com')];
    const result = plan(desired([group('cl', 'vip', { members: [...members, 'twin@x.com'] })]), [live('cl', [], customers)], options({ strict: true }));
    const missing = result.findings.filter((finding) => finding.code === 'customer-not-found');
    expect(missing).toHaveLength(101);
    expect(missing.every((finding) => finding.severity === 'error')).toBe(true);
    expect(missing.at(-1)!.message).toMatch(/ghost100@x\.com .* And 149 more like it in group 'vip' \(only the first 101 are listed\)\.$/);
    // Another kind has a list of its own.
    expect(result.findings.filter((finding) => finding.code === 'customer-ambiguous')).toHaveLength(1);
  });

  it("points a customer finding at the member's own line when the config knows it, else at its group", () => {
    const groupPos = { file: 'groups.yaml', line: 4, column: 3 };
    const memberPos = (index: number) => ({ file: 'members/vip.txt', line: 10 + index, column: 1 + index });
    const members = ['real@x.com', 'ghost@x.com', 'twin@x.com'];
    const customers = [customer('c1', 'real@x.com'), customer('c2', 'twin@x.com'), customer('c3', 'twin@x.com')];
    const result = plan(desired([group('cl', 'vip', { members, pos: groupPos, memberPos })]), [live('cl', [], customers)], options());
    expect(result.findings.map((finding) => [finding.code, finding.pos])).toEqual([
      ['customer-not-found', { file: 'members/vip.txt', line: 11, column: 2 }],
      ['customer-ambiguous', { file: 'members/vip.txt', line: 12, column: 3 }],
    ]);
  });

  it('refuses to pick between two live customers with one e-mail', () => {
    const result = plan(
      desired([group('bc', 'vip', { members: ['a@x.com'] })]),
      [live('bc', [liveGroup('1', 'VIP')], [customer('c1', 'a@x.com'), customer('c2', 'A@x.com')])],
      options(),
    );
    expect(result.changes).toEqual([]);
    expect(result.findings.map((finding) => [finding.severity, finding.code, finding.message])).toEqual([
      [
        'error',
        'customer-ambiguous',
        '2 customers on bc have the e-mail a@x.com (#c1, #c2; group vip); cannot tell which to move: give each its own e-mail on the platform',
      ],
    ]);
  });

  it('names all of three customers sharing an e-mail, in read order', () => {
    const result = plan(
      desired([group('bc', 'vip', { members: ['a@x.com'] })]),
      [live('bc', [liveGroup('1', 'VIP')], [customer('c7', 'A@x.com', '1'), customer('c1', 'a@x.com'), customer('c3', 'a@X.com', '1')])],
      options(),
    );
    expect(result.findings.map((finding) => finding.message)).toEqual([
      '3 customers on bc have the e-mail a@x.com (#c7, #c1, #c3; group vip); cannot tell which to move: give each its own e-mail on the platform',
    ]);
    // Declared, so not removed, though it cannot be moved either.
    expect(result.changes).toEqual([]);
  });

  it('plans a big group that is mostly in place: only the joins, moves and leaves', () => {
    const size = 20_000;
    const email = (i: number): string => `member.${i}@x.com`;
    const members = Array.from({ length: size }, (_, i) => email(i));
    // Every 100th member is in no group, every 100th + 1 in gold; 50 undeclared customers are in vip.
    const customers = members.map((address, i) => customer(`c${i}`, address, i % 100 === 0 ? null : i % 100 === 1 ? '2' : '1'));
    for (let i = 0; i < 50; i++) customers.push(customer(`u${i}`, `stray.${i}@x.com`, '1'));
    const result = plan(
      desired([group('bc', 'vip', { members }), group('bc', 'gold')]),
      [live('bc', [liveGroup('1', 'VIP'), liveGroup('2', 'GOLD')], customers)],
      options(),
    );
    const changes = memberships(result.changes);
    const of = (action: string, field: 'customerId' | 'address'): string[] =>
      changes
        .filter((change) => change.action === action)
        .map((change) => change[field])
        .sort();
    expect(of('create', 'customerId')).toEqual(Array.from({ length: size / 100 }, (_, k) => `c${k * 100}`).sort());
    expect(of('update', 'customerId')).toEqual(Array.from({ length: size / 100 }, (_, k) => `c${k * 100 + 1}`).sort());
    expect(of('delete', 'address')).toEqual(Array.from({ length: 50 }, (_, i) => `bc/members/stray.${i}@x.com`).sort());
    expect(changes).toHaveLength(size / 50 + 50);
    expect(result.findings).toEqual([]);
  });

  it('unassigns undeclared customers of an authoritative group, unless another group declares them', () => {
    const result = plan(
      desired([group('bc', 'vip', { members: ['keep@x.com'] }), group('bc', 'gold', { members: ['mover@x.com'] })]),
      [
        live(
          'bc',
          [liveGroup('1', 'VIP'), liveGroup('2', 'GOLD')],
          [customer('c1', 'keep@x.com', '1'), customer('c2', 'mover@x.com', '1'), customer('c3', 'stray@x.com', '1')],
        ),
      ],
      options(),
    );
    expect(memberships(result.changes).map(brief)).toEqual(['update mover@x.com vip -> gold', 'delete stray@x.com vip -> -']);
    expect(memberships(result.changes)[1]).toMatchObject({ address: 'bc/members/stray@x.com', after: null, before: { key: 'vip', id: '1' } });
  });

  it('addresses a customer by id when its e-mail is missing or shared, and removes it from an authoritative group', () => {
    const result = plan(
      desired([group('xk', 'vip', { members: ['keep@x.com'] }), group('xk', 'news', { members: [], membership: 'additive' })]),
      [
        live(
          'xk',
          [liveGroup('1', 'VIP'), liveGroup('2', 'NEWS')],
          [
            customer('c1', 'keep@x.com', '1'),
            customer('c2', '', '1'),
            customer('c3', 'twin@x.com', '1'),
            customer('c4', 'Twin@x.com', '1'),
            customer('c5', '', '2'),
          ],
        ),
      ],
      options(),
    );
    // The additive group keeps its e-mail-less customer; the authoritative one loses the undeclared three.
    expect(memberships(result.changes).map((change) => [change.action, change.address, change.email])).toEqual([
      ['delete', 'xk/members/#c2', ''],
      ['delete', 'xk/members/#c3', 'twin@x.com'],
      ['delete', 'xk/members/#c4', 'twin@x.com'],
    ]);
  });

  it("leaves the memberships of a group that declares no members alone, in either mode (the repository's guests)", () => {
    for (const membership of ['authoritative', 'additive'] as const) {
      const result = plan(
        desired([group('bc', 'guests', { name: 'Guests', members: null, membership, attributes: { name: 'Guests', is_group_for_guests: true } })]),
        [
          live(
            'bc',
            [liveGroup('7', 'Guests', { attributes: { name: 'Guests', is_group_for_guests: true } })],
            [customer('c1', 'walk.in@x.com', '7'), customer('c2', 'other@x.com', '7')],
          ),
        ],
        options(),
      );
      expect(result.changes).toEqual([]);
      expect(result.findings).toEqual([]);
    }
  });

  it('empties an authoritative group that declares members: []', () => {
    const result = plan(
      desired([group('bc', 'guests', { name: 'Guests', members: [] })]),
      [live('bc', [liveGroup('7', 'Guests')], [customer('c1', 'walk.in@x.com', '7'), customer('c2', 'other@x.com', '7')])],
      options(),
    );
    expect(memberships(result.changes).map(brief)).toEqual(['delete other@x.com guests -> -', 'delete walk.in@x.com guests -> -']);
  });

  it('still moves a customer out of a group with unmanaged members when another group declares it', () => {
    const result = plan(
      desired([group('bc', 'guests', { members: null }), group('bc', 'vip', { members: ['a@x.com'] })]),
      [live('bc', [liveGroup('7', 'GUESTS'), liveGroup('1', 'VIP')], [customer('c1', 'a@x.com', '7'), customer('c2', 'b@x.com', '7')])],
      options(),
    );
    expect(memberships(result.changes).map(brief)).toEqual(['update a@x.com guests -> vip']);
  });

  it('never removes from an additive group', () => {
    const result = plan(
      desired([group('bc', 'vip', { members: ['new@x.com'], membership: 'additive' })]),
      [live('bc', [liveGroup('1', 'VIP')], [customer('c1', 'old@x.com', '1'), customer('c2', 'new@x.com')])],
      options(),
    );
    expect(memberships(result.changes).map(brief)).toEqual(['create new@x.com - -> vip']);
  });

  it('empties a pruned group first where deleting does not unassign, moving the declared ones', () => {
    const result = plan(
      desired([group('cl', 'vip', { members: ['a@x.com'] })], [instance('cl', { prune: true })]),
      [
        live(
          'cl',
          [liveGroup('v', 'VIP', { code: 'vip' }), liveGroup('o', 'Old', { code: 'old' })],
          [customer('c1', 'a@x.com', 'o'), customer('c2', 'b@x.com', 'o')],
        ),
      ],
      options(),
    );
    expect(result.changes.map((change) => (change.kind === 'group' ? `${change.action} ${change.address}` : brief(change)))).toEqual([
      'delete b@x.com o -> -',
      'update a@x.com o -> vip',
      'delete cl/#o',
    ]);
    // Every customer leaving is a change of the plan: nothing to warn about.
    expect(result.findings).toEqual([]);
  });

  it('leaves a pruned group to the platform where deleting unassigns its customers', () => {
    const result = plan(
      desired([group('bc', 'vip')], [instance('bc', { prune: true })]),
      [live('bc', [liveGroup('1', 'VIP'), liveGroup('2', 'Old')], [customer('c2', 'b@x.com', '2')])],
      options(),
    );
    expect(result.changes.map((change) => `${change.kind} ${change.action}`)).toEqual(['group delete']);
  });

  it('warns how many customers the platform leaves in no group when it deletes a group, not counting those moved', () => {
    const result = plan(
      desired([group('bc', 'vip', { members: ['a@x.com'] })], [instance('bc', { prune: true })]),
      [
        live(
          'bc',
          [liveGroup('1', 'VIP'), liveGroup('2', 'Old'), liveGroup('3', 'Empty')],
          [customer('c1', 'a@x.com', '2'), customer('c2', 'b@x.com', '2'), customer('c3', 'c@x.com', '2')],
        ),
      ],
      options(),
    );
    expect(result.findings).toEqual([
      {
        severity: 'warning',
        code: 'unassigned-by-delete',
        provider: 'bc',
        message: 'deleting group "Old" (#2) on bc leaves 2 customers in no group: the platform unassigns them itself',
      },
    ]);
  });
});
