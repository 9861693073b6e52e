// On all three platforms a customer is in at most one group, so one address in two groups of one provider
// cannot be: an error at the second place, naming the first.
import type { Finding } from '../../model.js';
import { placeOf } from '../place.js';
import { error, type Rule } from './context.js';

export const checkMemberConflicts: Rule = (context) => {
  const findings: Finding[] = [];
  const { groups } = context;
  // Each kept address gets a number over all groups (group 0's first, then group 1's, …), so the maps
  // below hold small integers rather than an object per address: files may hold a million addresses.
  const offsets: number[] = [];
  let total = 0;
  for (const group of groups) {
    offsets.push(total);
    total += group.members.emails.length;
  }
  const owner = (id: number): number => upperBound(offsets, id) - 1;
  const byProvider = new Map<string, Map<string, number>>();
  groups.forEach((group, g) => {
    const maps = group.providers.map((provider) => {
      const map = byProvider.get(provider) ?? new Map<string, number>();
      byProvider.set(provider, map);
      return map;
    });
    group.members.emails.forEach((email, i) => {
      // Collect the providers this address clashes on, per other group, to report each pair once.
      let clashes: Map<number, string[]> | undefined;
      maps.forEach((map, p) => {
        const first = map.get(email);
        if (first === undefined) return void map.set(email, offsets[g] + i);
        clashes ??= new Map();
        const list = clashes.get(first) ?? [];
        clashes.set(first, [...list, group.providers[p]]);
      });
      for (const [first, providers] of clashes ?? []) {
        const other = groups[owner(first)];
        const pos = group.members.place(i);
        const where = placeOf(other.members.place(first - offsets[owner(first)]), pos);
        const on = providers.length === 1 ? `provider '${providers[0]}'` : `providers ${providers.map((p) => `'${p}'`).join(' and ')}`;
        const message = `${email} is in group '${group.key}' and in group '${other.key}' (${where}), both on ${on}; a customer can be in only one group of a provider.`;
        findings.push(error('member-in-two-groups', message, pos));
      }
    });
  });
  return findings;
};

/** The index of the first element greater than `value` in an ascending array. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
