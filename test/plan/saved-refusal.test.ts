// Why the config would not make a saved plan's change: one sentence per reason, in the config's terms.
import { describe, expect, it } from 'vitest';
import type { GroupChange, GroupRef, MembershipChange } from '../../src/model.js';
import { explainRefusal } from '../../src/plan/saved-refusal.js';
import { CAPABILITIES, desired, group, instance, live, liveGroup } from './fixtures.js';

function groupChange(action: GroupChange['action'], provider: string, key: string | null, id: string | null): GroupChange {
  const address = key === null ? `${provider}/#${id}` : `${provider}/${key}`;
  return {
    kind: 'group',
    action,
    address,
    provider,
    key,
    id,
    before: action === 'create' ? null : { name: 'X' },
    after: action === 'delete' ? null : { name: 'Y' },
  };
}

function move(provider: string, email: string, before: GroupRef | null, after: GroupRef | null, customerId = 'c1'): MembershipChange {
  const action = before === null ? 'create' : after === null ? 'delete' : 'update';
  const address = email === '' ? `${provider}/members/#${customerId}` : `${provider}/members/${email}`;
  return { kind: 'membership', action, address, provider, customerId, email, before, after };
}

const ref = (key: string | null, id: string | null, name = ''): GroupRef => ({ key, id, name });

const config = desired(
  [
    group('bc', 'vip', { members: ['ann@x.com'] }),
    group('bc', 'staff', { members: null }),
    group('bc', 'news', { members: ['bob@x.com'], membership: 'additive' }),
    group('bc', 'trade', { members: [] }),
  ],
  [instance('bc', { ignore: ['Legacy *'] }), instance('cl', { prune: true }), instance('xk', { prune: true })],
);
const state = [live('bc', [liveGroup('1', 'VIP'), liveGroup('5', 'Legacy Spring'), liveGroup('6', 'Outlet')]), live('cl', [liveGroup('L', 'Old')])];
const explain = (change: GroupChange | MembershipChange): string => explainRefusal(change, config, state, CAPABILITIES);

describe('explainRefusal: groups', () => {
  it('names a provider the config does not declare', () => {
    expect(explain(groupChange('create', 'other', 'vip', null))).toBe('groups.yaml declares no provider other');
  });

  it('names the ignore pattern a live group matches, whatever the change', () => {
    expect(explain(groupChange('update', 'bc', null, '5'))).toBe('group "Legacy Spring" matches ignore (Legacy *) on bc: it is never changed or deleted');
    expect(explain(groupChange('delete', 'bc', null, '5'))).toContain('matches ignore (Legacy *)');
  });

  it('says why a delete is not planned: declared, no pruning, not deletable on the platform, or claimed', () => {
    expect(explain(groupChange('delete', 'bc', 'vip', '1'))).toBe('bc/vip is declared in groups.yaml: a declared group is never deleted');
    expect(explain(groupChange('delete', 'bc', null, '6'))).toBe('bc does not prune (no `prune: true` in groups.yaml): none of its groups is deleted');
    expect(explain(groupChange('delete', 'xk', null, '9'))).toBe('xtrakit groups cannot be deleted through the API');
    expect(explain(groupChange('delete', 'cl', null, 'L'))).toBe('group #L is claimed by a declared group in groups.yaml');
  });

  it('without the platform capabilities, a delete on a pruning provider is put down to a claim', () => {
    expect(explainRefusal(groupChange('delete', 'xk', null, '9'), config, state, {})).toBe('group #9 is claimed by a declared group in groups.yaml');
  });

  it('says a created or updated group is not declared, by key or by id', () => {
    expect(explain(groupChange('create', 'bc', 'gone', null))).toBe('groups.yaml declares no group gone on bc');
    expect(explain(groupChange('update', 'bc', null, '6'))).toBe('groups.yaml declares no group #6 on bc');
  });

  it('says the config asks for no such change to a declared group', () => {
    expect(explain(groupChange('update', 'bc', 'vip', '1'))).toBe('groups.yaml asks for no such change to bc/vip');
  });
});

describe('explainRefusal: memberships', () => {
  it('names the group the config puts the customer in', () => {
    expect(explain(move('bc', 'ann@x.com', null, ref('trade', '7')))).toBe('groups.yaml puts ann@x.com in bc/vip');
  });

  it('says the config does not put the customer in the group the change joins', () => {
    expect(explain(move('bc', 'zed@x.com', null, ref('trade', '7')))).toBe('groups.yaml does not put zed@x.com in bc/trade');
    expect(explain(move('bc', 'zed@x.com', null, ref(null, '6', 'Outlet')))).toBe('groups.yaml does not put zed@x.com in bc/#6 (Outlet)');
  });

  it('a removal from a group the config does not manage, naming a matching ignore pattern', () => {
    expect(explain(move('bc', 'zed@x.com', ref(null, '6', ''), null))).toBe('group bc/#6 is not managed by groups.yaml, so its customers are not removed');
    expect(explain(move('bc', 'zed@x.com', ref(null, '5', 'Legacy Spring'), null))).toBe(
      'group bc/#5 (Legacy Spring) is not managed by groups.yaml, so its customers are not removed; it matches ignore (Legacy *)',
    );
  });

  it('a removal from a group that is gone from the live state uses the name the plan recorded', () => {
    expect(explain(move('bc', 'zed@x.com', ref(null, '99', 'Legacy Gone'), null))).toContain('; it matches ignore (Legacy *)');
  });

  it('a customer without an e-mail is named by id, and is never at home in a declared group', () => {
    expect(explain(move('bc', '', ref(null, '6', 'Outlet'), null, '42'))).toBe(
      'group bc/#6 (Outlet) is not managed by groups.yaml, so its customers are not removed',
    );
    expect(explain(move('bc', '', null, ref('vip', '1'), '42'))).toBe('groups.yaml does not put customer #42 in bc/vip');
  });

  it('a removal from a declared group with unmanaged members, or an additive one', () => {
    expect(explain(move('bc', 'zed@x.com', ref('staff', '2'), null))).toBe('group bc/staff declares no members: its memberships are not managed');
    expect(explain(move('bc', 'zed@x.com', ref('news', '3'), null))).toBe('group bc/news is additive: its customers are never removed');
  });

  it('otherwise, the config asks for no such change to the customer', () => {
    expect(explain(move('bc', 'zed@x.com', ref('trade', '4'), null))).toBe('groups.yaml asks for no such change to zed@x.com');
    expect(explain(move('bc', 'zed@x.com', null, null))).toBe('groups.yaml asks for no such change to zed@x.com');
  });
});
