import { describe, expect, it } from 'vitest';
import type { LiveState } from '../../src/model.js';
import { findStale } from '../../src/plan/stale.js';
import { savedPlanScopes } from '../../src/plan/saved-scope.js';
import { customer, liveGroup } from './fixtures.js';
import { scenario } from './saved-scenario.js';

/** The scenario's live state with one edit applied to a deep copy. */
function edited(edit: (live: LiveState[]) => void): LiveState[] {
  const copy = structuredClone(scenario().liveState);
  edit(copy);
  return copy;
}

const cl = (live: LiveState[]) => live.find((state) => state.provider === 'cl')!;

describe('findStale', () => {
  it('finds nothing when the live state is as it was', () => {
    const { saved, liveState } = scenario();
    expect(findStale(saved, liveState)).toEqual([]);
  });

  it('ignores changes the plan does not depend on: undeclared fields, other customers', () => {
    const { saved } = scenario();
    expect(
      findStale(
        saved,
        edited((live) => {
          cl(live).groups[0]!.attributes.reference = 'changed';
          cl(live).customers.push(customer('new', 'new@x.com', 's1'));
        }),
      ),
    ).toEqual([]);
  });

  it('reports a group whose planned fields changed, or that is gone', () => {
    const { saved } = scenario();
    expect(
      findStale(
        saved,
        edited((live) => {
          cl(live).groups[0]!.attributes.metadata = { tier: 3 };
        }),
      ),
    ).toEqual([{ address: 'cl/staff', reason: 'group #s1 changed on cl since the plan was made (metadata)' }]);
    expect(
      findStale(
        saved,
        edited((live) => {
          cl(live).groups = cl(live).groups.filter((group) => group.id !== 's1');
        }),
      ),
    ).toEqual([{ address: 'cl/staff', reason: 'group #s1 is gone from cl' }]);
  });

  it('reports a group that appeared where the plan creates one, and the customers joining it', () => {
    const { saved } = scenario();
    expect(
      findStale(
        saved,
        edited((live) => {
          cl(live).groups.push(liveGroup('v2', 'Very important', { code: 'VIP' }));
        }),
      ),
    ).toEqual([
      { address: 'cl/vip', reason: 'a group with code "vip" now exists on cl (#v2)' },
      { address: 'cl/members/a@x.com', reason: 'it joins cl/vip, whose create is stale' },
    ]);
  });

  it('reports customers who moved or are gone', () => {
    const { saved } = scenario();
    expect(
      findStale(
        saved,
        edited((live) => {
          cl(live).customers[0]!.groupId = 's1';
          cl(live).customers = cl(live).customers.filter((c) => c.id !== 'cz');
        }),
      ),
    ).toEqual([
      { address: 'cl/members/a@x.com', reason: 'the customer moved from no group to #s1 (Staff) since the plan was made' },
      { address: 'cl/members/z@x.com', reason: 'the customer is gone from cl' },
    ]);
  });

  it('reports a pruned group that was renamed, and the customers leaving it', () => {
    const { saved } = scenario();
    expect(
      findStale(
        saved,
        edited((live) => {
          cl(live).groups[1]!.name = 'Legacy (keep)';
        }),
      ),
    ).toEqual([
      { address: 'cl/members/d@x.com', reason: 'it leaves cl/#L1, whose delete is stale' },
      { address: 'cl/#L1', reason: 'group #L1 changed on cl since the plan was made (name)' },
    ]);
  });

  it('reports every item of a provider that was not read again', () => {
    const { saved, liveState } = scenario();
    expect(
      findStale(
        saved,
        liveState.filter((state) => state.provider === 'cl'),
      ).map((item) => item.address),
    ).toEqual(['bc/members/c@x.com']);
  });
});

describe('savedPlanScopes', () => {
  it('reads only the touched groups and customers, and every group where undeclared ones are deleted', () => {
    const { result, state } = scenario();
    const scopes = savedPlanScopes(result, state);
    expect([...scopes.keys()].sort()).toEqual(['bc', 'cl']);
    expect(scopes.get('cl')).toMatchObject({ emails: ['a@x.com', 'd@x.com', 'z@x.com'], allGroups: true });
    expect(
      scopes
        .get('cl')!
        .groups.map((g) => g.key)
        .sort(),
    ).toEqual(['staff', 'vip']);
    expect(scopes.get('bc')).toMatchObject({ emails: ['c@x.com'], allGroups: false });
    expect(scopes.get('bc')!.groups.map((g) => g.key)).toEqual(['trade']);
  });
});
