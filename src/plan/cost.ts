// The API cost of a run, per provider instance: the calls its read takes (counted from what it found, by the
// platform's read figures) and the calls its changes take (membership changes go in batches where the platform
// allows), and the least time those calls need at the platform's rate limit. Latency is not counted: it depends
// on the network, not on the plan. `apply` reads the same way, so the estimate is what a run then makes.
import type { Change, CostEstimate, CostModel, DesiredGroup, DesiredState, LiveState, RateWindow, ReadCostModel } from '../model.js';

/** What the estimate needs of a platform: its cost model and its membership batch size. */
export interface Priced {
  batchMembership: number;
  cost: CostModel;
}

/** One estimate per provider instance read (sorted by name), its read included. */
export function estimateCost(
  changes: readonly Change[],
  desired: DesiredState,
  live: readonly LiveState[],
  capabilities: Readonly<Record<string, Priced>>,
): CostEstimate[] {
  return [...live].sort((a, b) => a.provider.localeCompare(b.provider)).map((state) => {
    const caps = capabilities[state.provider];
    if (!caps) throw new Error(`no capabilities for provider ${state.provider}`);
    const declared = desired.groups.filter((g) => g.provider === state.provider);
    const allGroups = desired.providers.find((p) => p.name === state.provider)?.prune ?? false;
    const reads = readCalls(caps.cost.read, declared, allGroups, state);
    const writes = writeCalls(changes.filter((change) => change.provider === state.provider), caps);
    return { provider: state.provider, calls: reads + writes, reads, writes, seconds: rateSeconds(reads + writes, caps.cost.rateLimits) };
  });
}

/** Calls the changes take: group calls by action, membership changes in batches. */
export function writeCalls(changes: readonly Change[], caps: Priced): number {
  const { cost } = caps;
  const groupCalls = changes.reduce((sum, change) => sum + (change.kind === 'group' ? cost.groupCalls[change.action] : 0), 0);
  const memberships = changes.filter((change) => change.kind === 'membership').length;
  return groupCalls + Math.ceil(memberships / Math.max(1, caps.batchMembership)) * cost.batchCalls;
}

/** A list of `items` in pages of `pageSize`: at least one call. */
const pages = (items: number, pageSize: number): number => Math.max(1, Math.ceil(items / pageSize));

/**
 * Calls the read of `state` took, as the adapters read (src/providers/<platform>/read.ts): the groups, the
 * pages of each `in` list of the groups' members, then the look-ups of the declared e-mails those did not bring.
 */
export function readCalls(model: ReadCostModel, declared: readonly DesiredGroup[], allGroups: boolean, state: LiveState): number {
  const { groups, customers } = model;
  const listedGroups = Object.keys(state.groupNames ?? {}).length || state.groups.length;
  let calls = model.fixedCalls;
  if (groups.by === 'listing') calls += pages(listedGroups, groups.perCall);
  else if (allGroups) calls += pages(state.groups.length, groups.perCall);
  else {
    const pinned = declared.filter((g) => g.pinnedId !== undefined).length;
    calls += Math.ceil(pinned / groups.perCall) + Math.ceil((declared.length - pinned) / groups.perCall);
  }
  if (customers.by === 'listing') return calls + pages(state.customersListed ?? state.customers.length, customers.pageSize);

  const ids = state.groups.map((g) => g.id);
  const membersOf = new Map<string, number>();
  const memberEmails = new Set<string>();
  const inGroups = new Set(ids);
  for (const customer of state.customers) {
    if (customer.groupId === null || !inGroups.has(customer.groupId)) continue;
    membersOf.set(customer.groupId, (membersOf.get(customer.groupId) ?? 0) + 1);
    memberEmails.add(customer.email);
  }
  for (let i = 0; i < ids.length; i += customers.groupIdsPerList) {
    const members = ids.slice(i, i + customers.groupIdsPerList).reduce((sum, id) => sum + (membersOf.get(id) ?? 0), 0);
    calls += pages(members, customers.pageSize);
  }
  const unseen = new Set(declared.flatMap((g) => g.members ?? []).filter((email) => !memberEmails.has(email)));
  if (unseen.size === 0) return calls;
  const found = state.customers.filter((c) => unseen.has(c.email)).length;
  return calls + Math.max(Math.ceil(unseen.size / customers.emailsPerList), Math.ceil(found / customers.pageSize));
}

/**
 * The least time `calls` calls take when at most `limit` may start in any `windowMs`: the first `limit`
 * start at once, every further `limit` one window later; the strictest limit decides. Null: no known limit.
 */
export function rateSeconds(calls: number, limits: readonly RateWindow[]): number | null {
  if (limits.length === 0) return null;
  if (calls === 0) return 0;
  const ms = Math.max(...limits.map(({ limit, windowMs }) => Math.floor((calls - 1) / Math.max(1, limit)) * windowMs));
  return ms / 1000;
}
