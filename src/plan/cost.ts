// The API cost of a run, per provider instance: the calls its read takes (counted from what it found, by the
// platform's read figures) and the calls its changes take (membership changes go in batches where the platform
// allows, joins through a bulk path where that is cheaper), and the least time those calls need at the
// platform's rate limits. Latency is not counted: it depends on the network, not on the plan. `apply` reads the
// same way, so the estimate is what a run then makes.
import { indexByEmail, type EmailIndex } from './email-index.js';
import { declaredName } from './identity.js';
import type { CallClass, Capabilities, Change, CostEstimate, DesiredGroup, DesiredState, LiveState, RateRule, ReadCostModel } from '../model.js';

/**
 * One estimate per provider instance read (sorted by name), its read included. `bulk`: whether joins may go
 * through a platform's bulk path where that is cheaper (`--no-bulk` turns it off). `emailIndex`: a state's
 * customers by e-mail, where the caller has it already.
 */
export function estimateCost(
  changes: readonly Change[],
  desired: DesiredState,
  live: readonly LiveState[],
  capabilities: Readonly<Record<string, Capabilities>>,
  bulk = true,
  emailIndex: (state: LiveState) => EmailIndex = (state) => indexByEmail(state.customers),
): CostEstimate[] {
  return [...live]
    .sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0))
    .map((state) => {
      const caps = capabilities[state.provider];
      if (!caps) throw new Error(`no capabilities for provider ${state.provider}`);
      const declared = desired.groups.filter((g) => g.provider === state.provider);
      const allGroups = desired.providers.find((p) => p.name === state.provider)?.prune ?? false;
      const reads = readCalls(caps.cost.read, declared, allGroups, state, emailIndex(state), bulk);
      const writes = writeCalls(
        changes.filter((change) => change.provider === state.provider),
        caps,
        bulk,
      );
      return { provider: state.provider, calls: reads + writes, reads, writes, seconds: runSeconds(reads, writes, caps.cost.rateLimits) };
    });
}

/** Calls the changes take: group calls by action, membership changes in batches or, for joins, bulk jobs. */
export function writeCalls(changes: readonly Change[], caps: Capabilities, bulk = true): number {
  const { cost } = caps;
  const groupCalls = changes.reduce((sum, change) => sum + (change.kind === 'group' ? cost.groupCalls[change.action] : 0), 0);
  const memberships = changes.filter((change) => change.kind === 'membership');
  const joins = memberships.filter((change) => change.after !== null).length;
  const viaBulk = bulk ? bulkCalls(joins, caps) : undefined;
  const direct = viaBulk === undefined ? memberships.length : memberships.length - joins;
  return groupCalls + Math.ceil(direct / Math.max(1, caps.batchMembership)) * cost.batchCalls + (viaBulk ?? 0);
}

/**
 * The calls `joins` joins and moves take through the platform's bulk path, when that is fewer than their
 * direct batches take; undefined when the bulk path is not cheaper, or the platform has none. Apply asks the
 * same question of each phase, so that the estimate and the run take the same path.
 */
export function bulkCalls(joins: number, caps: Capabilities): number | undefined {
  const { bulk } = caps.cost;
  if (!bulk || joins === 0) return undefined;
  const viaBulk = Math.ceil(joins / Math.max(1, bulk.maxItems)) * bulk.calls;
  const direct = Math.ceil(joins / Math.max(1, caps.batchMembership)) * caps.cost.batchCalls;
  return viaBulk < direct ? viaBulk : undefined;
}

/** A list of `items` in pages of `pageSize`: at least one call. */
const pages = (items: number, pageSize: number): number => Math.max(1, Math.ceil(items / pageSize));

/**
 * Calls the read of `state` took, as the adapters read (src/providers/<platform>/read.ts): the groups, the
 * pages of each `in` list of the groups' members (or its first page and an export, where the model has one and
 * `bulk` allows), then the look-ups of the declared e-mails those did not bring.
 */
export function readCalls(
  model: ReadCostModel,
  declared: readonly DesiredGroup[],
  allGroups: boolean,
  state: LiveState,
  emails: EmailIndex = indexByEmail(state.customers),
  bulk = true,
): number {
  const { groups, customers } = model;
  const listedGroups = Object.keys(state.groupNames ?? {}).length || state.groups.length;
  let calls = model.fixedCalls;
  if (groups.by === 'listing' && groups.firstPageOnly && listedGroups >= groups.perCall)
    calls += 1 + fullPageLookups(declared, allGroups, state, groups.perCall);
  else if (groups.by === 'listing') calls += pages(listedGroups, groups.perCall);
  else if (allGroups) calls += pages(state.groups.length, groups.perCall);
  else {
    const pinned = declared.filter((g) => g.pinnedId !== undefined).length;
    calls += Math.ceil(pinned / groups.perCall) + Math.ceil((declared.length - pinned) / groups.perCall);
  }
  if (customers.by === 'listing') return calls + pages(state.customersListed ?? state.customers.length, customers.pageSize);

  const ids = state.groups.map((g) => g.id);
  const inGroups = new Set(ids);
  const isMember = (groupId: string | null): groupId is string => groupId !== null && inGroups.has(groupId);
  const membersOf = new Map<string, number>();
  for (const { groupId } of state.customers) if (isMember(groupId)) membersOf.set(groupId, (membersOf.get(groupId) ?? 0) + 1);
  const viaExport = bulk ? customers.viaExport : undefined;
  for (let i = 0; i < ids.length; i += customers.groupIdsPerList) {
    const members = ids.slice(i, i + customers.groupIdsPerList).reduce((sum, id) => sum + (membersOf.get(id) ?? 0), 0);
    const paged = pages(members, customers.pageSize);
    // The first page says how large the list is; the adapter then takes the export where it is fewer calls.
    calls += viaExport && members <= viaExport.maxItems && paged - 1 > viaExport.calls ? 1 + viaExport.calls : paged;
  }
  // The declared addresses the members' pages did not bring, and the customers their look-ups find. An address
  // is declared once on a provider (the config's validation makes a repeat an error), so none is counted twice.
  let unseen = 0;
  let found = 0;
  for (const group of declared) {
    for (const email of group.members ?? []) {
      const positions = emails.positions(email);
      if (positions.some((position) => isMember(state.customers[position]!.groupId))) continue;
      unseen++;
      found += positions.length;
    }
  }
  if (unseen === 0) return calls;
  return calls + Math.max(Math.ceil(unseen / customers.emailsPerList), Math.ceil(found / customers.pageSize));
}

/**
 * After a full first page of groups (BigCommerce), what the read calls on: a full read counts the groups and
 * reads the other pages; otherwise one look-up by name per declared name, one retrieve per pinned id the page
 * did not hold.
 */
function fullPageLookups(declared: readonly DesiredGroup[], allGroups: boolean, state: LiveState, perPage: number): number {
  if (allGroups) return pages(state.groups.length, perPage); // the count, and every page but the first
  const names = new Set(declared.map(declaredName));
  const onFirstPage = new Set(Object.keys(state.groupNames ?? {}));
  const pinned = new Set(declared.flatMap((group) => (group.pinnedId !== undefined && !onFirstPage.has(group.pinnedId) ? [group.pinnedId] : [])));
  return names.size + pinned.size;
}

/** The least time the read's calls and the changes' take, each class under the rules that count it. Null: no known limit. */
function runSeconds(reads: number, writes: number, rules: readonly RateRule[]): number | null {
  if (rules.length === 0) return null;
  // A rule that counts every call counts both; one that counts a class, that class's.
  const shared =
    rateSeconds(
      reads + writes,
      rules.filter((rule) => rule.counts === 'all'),
      'write',
    ) ?? 0;
  const apart =
    (rateSeconds(
      reads,
      rules.filter((rule) => rule.counts === 'read'),
      'read',
    ) ?? 0) +
    (rateSeconds(
      writes,
      rules.filter((rule) => rule.counts === 'write'),
      'write',
    ) ?? 0);
  return Math.max(shared, apart);
}

/**
 * The least time `calls` calls of one class take when at most `limit` may start in any `windowMs`: the first
 * `limit` start at once, every further `limit` one window later; the strictest rule that counts them decides.
 * A per-endpoint rule is counted as if every call went to one endpoint, as membership writes do. Null: no known limit.
 */
export function rateSeconds(calls: number, rules: readonly RateRule[], callClass: CallClass = 'write'): number | null {
  const limits = rules.filter((rule) => rule.counts === 'all' || rule.counts === callClass);
  if (limits.length === 0) return null;
  if (calls === 0) return 0;
  const ms = Math.max(...limits.map(({ limit, windowMs }) => Math.floor((calls - 1) / Math.max(1, limit)) * windowMs));
  return ms / 1000;
}
