// Any set of renames works: seeded random stores (BigCommerce's exact names, Xtrakit's ignoring case), random
// files (pinned renames into each other's names, rings of any length, creates, prune), planned, then played
// step by step against a model of the platform's uniqueness rule, each step in both orders (apply runs a step's
// changes at once). A plan without errors must never meet a taken name and must end exactly as declared; a plan
// with errors must name a live group the file does not manage that holds a declared name. Reproduce a failure
// with its seed (in the test's name).
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/emulators/common/random.js';
import type { Change, DesiredGroup, LiveGroup, Uniqueness } from '../../src/model.js';
import { uniqueValue } from '../../src/plan/names.js';
import { providerSteps } from '../../src/plan/order.js';
import { plan } from '../../src/plan/plan.js';
import { desired, group, instance, live, liveGroup, options } from './fixtures.js';

const CASES = 300;
const POOL = ['Gold', 'Silver', 'Bronze', 'Trade', 'Retail', 'VIP', 'Staff', 'Outlet'];

interface Case {
  provider: 'bc' | 'xk';
  rule: Uniqueness;
  prune: boolean;
  live: LiveGroup[];
  groups: DesiredGroup[];
}

function generate(seed: number): Case {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const shuffled = <T>(items: readonly T[]): T[] =>
    [...items]
      .map((item) => ({ item, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);
  const provider = seed % 2 === 0 ? 'bc' : 'xk';
  const rule: Uniqueness = provider === 'bc' ? 'exact' : 'ignoring-case';
  // Xtrakit compares ignoring case: declared names in other case must still work.
  const cased = (name: string): string => (provider === 'xk' && random() < 0.3 ? name.toUpperCase() : name);
  const count = 2 + Math.floor(random() * 5);
  const liveNames = shuffled(POOL).slice(0, count);
  const liveGroups = liveNames.map((name, i) => liveGroup(String(i + 1), name));
  // Declared names: a permutation of some live names and some new ones, distinct.
  const targets = shuffled([
    ...shuffled(liveNames).slice(0, Math.max(1, count - 1)),
    ...shuffled(POOL.filter((name) => !liveNames.includes(name))).slice(0, 2),
  ]);
  const groups: DesiredGroup[] = [];
  for (const live of liveGroups) {
    if (random() < 0.25 || targets.length === 0) continue; // left unmanaged
    groups.push(group(provider, `g${live.id}`, { name: cased(targets.pop()!), pinnedId: live.id }));
  }
  // What is left of the names is created (declared without a pin).
  for (const name of targets.splice(0, Math.floor(random() * (targets.length + 1)))) groups.push(group(provider, `new${groups.length}`, { name: cased(name) }));
  return { provider, rule, prune: pick([true, false]), live: liveGroups, groups };
}

/** Plays the plan's steps on a model store; each step forwards and backwards. Returns the names by live id, or throws. */
function play(result: ReturnType<typeof plan>, start: LiveGroup[], rule: Uniqueness, provider: string): Map<string, string> {
  const caps = options().capabilities[provider]!;
  let store = new Map(start.map((g) => [g.id, g.name]));
  let nextId = 100;
  for (const step of providerSteps(result.changes, caps)) {
    // Backwards too: apply runs a step's changes at once, so no order within a step may matter.
    const runs = [step.changes, [...step.changes].reverse()].map((order) => {
      const names = new Map(store);
      let id = nextId;
      for (const change of order) apply(names, change, () => String(id++), rule);
      return { names, id };
    });
    store = runs[0]!.names;
    nextId = runs[0]!.id;
  }
  return store;
}

function apply(names: Map<string, string>, change: Change, newId: () => string, rule: Uniqueness): void {
  if (change.kind !== 'group') return;
  const takes = (id: string | null, name: string) => {
    const holder = [...names].find(([other, held]) => other !== id && uniqueValue(rule, held) === uniqueValue(rule, name));
    if (holder) throw new Error(`${change.address} takes "${name}", held by #${holder[0]}`);
  };
  if (change.action === 'delete') names.delete(String(change.id));
  else if (change.action === 'create') {
    const name = String(change.after?.name);
    takes(null, name);
    names.set(newId(), name);
  } else if (typeof change.after?.name === 'string') {
    takes(change.id, change.after.name);
    names.set(String(change.id), change.after.name);
  }
}

describe('renames in any arrangement, seeded', () => {
  const capabilities = { ...options().capabilities, xk: { ...options().capabilities.xk!, identity: 'name-ignoring-case' as const, delete: true } };
  for (let seed = 1; seed <= CASES; seed++) {
    it(`seed ${seed}`, () => {
      const c = generate(seed);
      const result = plan(desired(c.groups, [instance(c.provider, { prune: c.prune })]), [live(c.provider, c.live)], options({ capabilities, force: true }));
      const errors = result.findings.filter((finding) => finding.severity === 'error');
      // The oracle: a live group no declared group claims, kept (no prune), holding a name a pinned group takes.
      const claimed = new Set(c.groups.flatMap((g) => (g.pinnedId ? [g.pinnedId] : [])));
      for (const g of c.groups) {
        if (g.pinnedId) continue;
        const match = c.live.find((l) => !claimed.has(l.id) && uniqueValue(c.rule, l.name) === uniqueValue(c.rule, g.attributes.name));
        if (match) claimed.add(match.id);
      }
      const kept = c.live.filter((l) => !claimed.has(l.id) && !c.prune);
      const blocked = c.groups.filter((g) => g.pinnedId && kept.some((l) => uniqueValue(c.rule, l.name) === uniqueValue(c.rule, g.attributes.name)));
      expect(errors.map((e) => e.code)).toEqual(blocked.map(() => 'name-taken'));
      if (errors.length > 0) return;

      const final = play(result, c.live, c.rule, c.provider);
      // Every declared group has its declared name, exactly; unmanaged groups kept theirs or were pruned.
      const expected = [...c.groups.map((g) => String(g.attributes.name)), ...c.live.filter((l) => !claimed.has(l.id) && !c.prune).map((l) => l.name)].sort();
      expect([...final.values()].sort()).toEqual(expected);
      // Temporary names are recognisable on the platform.
      for (const change of result.changes) if (change.kind === 'group' && change.temporary) expect(change.after?.name).toMatch(/ \(groupform-tmp-\d+\)$/);
    });
  }
});
