import { describe, expect, it } from 'vitest';
import type { Change, DesiredState, LiveState } from '../../src/model.js';
import { plan } from '../../src/plan/plan.js';
import { buildSavedPlan, type SavedPlan } from '../../src/plan/saved.js';
import { checkSavedPlan, withChanges, type SavedCheckInput } from '../../src/plan/saved-check.js';
import { CAPABILITIES, customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';
import { scenario } from './saved-scenario.js';

const CREATED = '2026-01-02T03:04:05.000Z';

function input(state: DesiredState, liveState: LiveState[], extra: Partial<SavedCheckInput> = {}): SavedCheckInput {
  return { desired: state, live: liveState, capabilities: CAPABILITIES, targets: [], force: false, strict: false, ...extra };
}

/** The saved plan with changes added, as someone editing the file (and recomputing its checksum) would. */
function tampered(saved: SavedPlan, ...changes: { change: Change; precondition: SavedPlan['preconditions'][string] }[]): SavedPlan {
  const copy = structuredClone(saved);
  for (const { change, precondition } of changes) {
    copy.plan.changes.push(change);
    copy.preconditions[change.address] = precondition;
  }
  return copy;
}

const messages = (findings: { message: string }[]) => findings.map((finding) => finding.message);

describe('checkSavedPlan', () => {
  it('passes an untouched plan whole', () => {
    const { saved, state, liveState } = scenario();
    const check = checkSavedPlan(saved, input(state, liveState));
    expect(check.refused).toEqual([]);
    expect(check.stale).toEqual([]);
    expect(check.applied).toEqual([]);
    expect(check.plan.changes).toEqual(saved.plan.changes);
  });

  it('refuses a delete on a provider without prune, naming it and why', () => {
    const { saved, state, liveState } = scenario();
    const bc = liveState.find((s) => s.provider === 'bc')!;
    bc.groups.push(liveGroup('12', 'Retail'));
    const edited = tampered(saved, {
      change: { kind: 'group', action: 'delete', address: 'bc/#12', provider: 'bc', key: null, id: '12', before: { name: 'Retail' }, after: null },
      precondition: { kind: 'group', id: '12', attributes: { name: 'Retail' } },
    });
    const check = checkSavedPlan(edited, input(state, liveState));
    expect(messages(check.refused)).toEqual([
      'bc/#12 (delete group "Retail"): bc does not prune (no `prune: true` in groups.yaml): none of its groups is deleted',
    ]);
    expect(check.refused[0]).toMatchObject({ severity: 'error', code: 'plan-not-from-config', provider: 'bc' });
  });

  it('refuses a delete of an ignored group, even where the provider prunes', () => {
    const { saved, liveState } = scenario();
    const state = structuredClone(scenario().state);
    state.providers[0]!.ignore = ['Keep *'];
    liveState[0]!.groups.push(liveGroup('K1', 'Keep me'));
    const edited = tampered(saved, {
      change: { kind: 'group', action: 'delete', address: 'cl/#K1', provider: 'cl', key: null, id: 'K1', before: { name: 'Keep me' }, after: null },
      precondition: { kind: 'group', id: 'K1', attributes: { name: 'Keep me' } },
    });
    expect(messages(checkSavedPlan(edited, input(state, liveState)).refused)).toEqual([
      'cl/#K1 (delete group "Keep me"): group "Keep me" matches ignore (Keep *) on cl: it is never changed or deleted',
    ]);
  });

  it('refuses a customer moved where the config does not put them, and other values for a group', () => {
    const { saved, state, liveState } = scenario();
    liveState[0]!.customers.push(customer('cq', 'q@x.com'));
    const edited = tampered(saved, {
      change: {
        kind: 'membership',
        action: 'create',
        address: 'cl/members/q@x.com',
        provider: 'cl',
        customerId: 'cq',
        email: 'q@x.com',
        before: null,
        after: { key: 'staff', id: 's1', name: 'Staff' },
      },
      precondition: { kind: 'customer', id: 'cq', groupId: null },
    });
    const staff = edited.plan.changes.find((change) => change.address === 'cl/staff')!;
    staff.after = { metadata: { tier: 9 } };
    expect(messages(checkSavedPlan(edited, input(state, liveState)).refused)).toEqual([
      'cl/staff (update group): the config asks for other values (metadata)',
      'cl/members/q@x.com (move from no group to cl/staff): groups.yaml does not put q@x.com in cl/staff',
    ]);
  });

  it('refuses a delete shown under another name than the live group has', () => {
    const { saved, state, liveState } = scenario();
    const edited = structuredClone(saved);
    const legacy = edited.plan.changes.find((change) => change.address === 'cl/#L1')!;
    legacy.before = { name: 'Old test group' };
    expect(messages(checkSavedPlan(edited, input(state, liveState)).refused)).toEqual([
      'cl/#L1 (delete group "Old test group"): the config asks for another change to it',
    ]);
  });

  it('refuses a removal from an additive group', () => {
    const { saved, state, liveState } = scenario();
    const additive = structuredClone(state);
    additive.groups.find((g) => g.key === 'staff')!.membership = 'additive';
    expect(messages(checkSavedPlan(saved, input(additive, liveState)).refused)).toEqual([
      'cl/members/z@x.com (move from cl/staff to no group): group cl/staff is additive: its customers are never removed',
    ]);
  });

  it('refuses changes outside the targets the plan was made for, or given to apply', () => {
    const { saved, state, liveState } = scenario();
    const forBc = { ...structuredClone(saved), targets: [{ provider: 'bc' }] };
    const refused = checkSavedPlan(forBc, input(state, liveState)).refused;
    expect(refused).toHaveLength(saved.plan.changes.filter((change) => change.provider === 'cl').length);
    expect(messages(refused)).toContain('cl/vip (create group "VIP"): it is outside the targets the plan was made for (--target bc)');
    const given = checkSavedPlan(saved, input(state, liveState, { targets: [{ provider: 'cl', key: 'vip' }] })).refused;
    expect(messages(given)).toContain('bc/members/c@x.com (move from bc/#9 to bc/trade): it is outside the targets given to apply (--target cl/vip)');
  });

  it('refuses an item changed twice', () => {
    const { saved, state, liveState } = scenario();
    const move = saved.plan.changes.find((change) => change.address === 'cl/members/a@x.com')!;
    const edited = structuredClone(saved);
    edited.plan.changes.push({ ...move, address: 'cl/members/#ca' });
    edited.preconditions['cl/members/#ca'] = edited.preconditions['cl/members/a@x.com']!;
    expect(messages(checkSavedPlan(edited, input(state, liveState)).refused)).toContain(
      'cl/members/#ca (move from no group to cl/vip): the plan changes this item twice',
    );
  });

  it('holds the safety limits over what would be applied, unless forced', () => {
    const { saved, state, liveState } = scenario();
    const strict = structuredClone(state);
    strict.providers[0]!.safety = { maxGroupChangeShare: 0.1, maxMemberRemoveShare: 1, minObjects: 1 };
    expect(checkSavedPlan(saved, input(strict, liveState)).safety).toMatchObject([{ code: 'safety-limit', provider: 'cl' }]);
    expect(checkSavedPlan(saved, input(strict, liveState, { force: true })).safety).toEqual([]);
  });

  it('skips what is already in effect, and gives customers joining an already created group its id', () => {
    const { saved, state, liveState } = scenario();
    const cl = liveState[0]!;
    cl.groups.push(liveGroup('v1', 'VIP', { code: 'vip' }));
    cl.groups = cl.groups.filter((g) => g.id !== 'L1');
    cl.customers.find((c) => c.id === 'cd')!.groupId = null;
    const check = checkSavedPlan(saved, input(state, liveState));
    expect(check.applied).toEqual(['cl/members/d@x.com', 'cl/#L1', 'cl/vip']); // plan order (DESIGN.md §3)
    expect(check.stale).toEqual([]);
    expect(check.refused).toEqual([]);
    const join = check.plan.changes.find((change) => change.address === 'cl/members/a@x.com');
    expect(join).toMatchObject({ after: { key: 'vip', id: 'v1' } });
    expect(check.plan.changes.map((change) => change.address)).toEqual(['cl/staff', 'bc/members/c@x.com', 'cl/members/a@x.com', 'cl/members/z@x.com']);
  });

  it('still reports a stale item as stale, not refused', () => {
    const { saved, state, liveState } = scenario();
    liveState[0]!.customers.find((c) => c.id === 'ca')!.groupId = 's1';
    const check = checkSavedPlan(saved, input(state, liveState));
    expect(check.stale.map((item) => item.address)).toEqual(['cl/members/a@x.com']);
    expect(check.refused).toEqual([]);
  });

  it('accepts a membership addressed by id where the read finds another customer with the e-mail', () => {
    const state = desired([group('bc', 'trade', { name: 'Trade', members: [] })], [instance('bc')]);
    const before = [live('bc', [liveGroup('7', 'Trade')], [customer('c1', 'u@x.com', '7')])];
    const result = plan(state, before, options());
    const saved = buildSavedPlan(result, { desired: state, live: before, capabilities: CAPABILITIES, createdAt: CREATED });
    expect(saved.plan.changes.map((change) => change.address)).toEqual(['bc/members/u@x.com']);
    const after = [live('bc', [liveGroup('7', 'Trade')], [customer('c1', 'u@x.com', '7'), customer('c2', 'u@x.com', '3')])];
    const check = checkSavedPlan(saved, input(state, after));
    expect(check.refused).toEqual([]);
    expect(check.plan.changes).toHaveLength(1);
  });
});

describe('withChanges', () => {
  it('keeps only the given changes and recounts the summary', () => {
    const { result } = scenario();
    const rest = withChanges(
      result,
      result.changes.filter((change) => change.address !== 'cl/vip' && change.address !== 'cl/members/a@x.com'),
    );
    expect(rest.changes).toHaveLength(result.changes.length - 2);
    expect(rest.summary).toEqual({ ...result.summary, groupsToCreate: 0, customersToMove: result.summary.customersToMove - 1 });
    expect(rest.estimate).toBeUndefined();
  });
});
