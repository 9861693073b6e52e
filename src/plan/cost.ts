// The API cost of applying a plan, per provider instance: how many calls its changes take (membership
// changes go in batches where the platform allows), and the least time those calls need at the platform's
// rate limit. Latency is not counted: it depends on the network, not on the plan.
import type { CallClass, Capabilities, Change, CostEstimate, RateRule } from '../model.js';

/**
 * One estimate per provider name in `providers` (sorted by name), zero for those without changes. `bulk`:
 * whether joins may go through a platform's bulk path where that is cheaper (`--no-bulk` turns it off).
 */
export function estimateCost(
  changes: readonly Change[],
  providers: readonly string[],
  capabilities: Readonly<Record<string, Capabilities>>,
  bulk = true,
): CostEstimate[] {
  return [...new Set(providers)].sort().map((provider) => {
    const caps = capabilities[provider];
    if (!caps) throw new Error(`no capabilities for provider ${provider}`);
    const { cost } = caps;
    const own = changes.filter((change) => change.provider === provider);
    const groupCalls = own.reduce((sum, change) => sum + (change.kind === 'group' ? cost.groupCalls[change.action] : 0), 0);
    const memberships = own.filter((change) => change.kind === 'membership');
    const joins = memberships.filter((change) => change.after !== null).length;
    const viaBulk = bulk ? bulkCalls(joins, caps) : undefined;
    const direct = viaBulk === undefined ? memberships.length : memberships.length - joins;
    const batches = Math.ceil(direct / Math.max(1, caps.batchMembership));
    const calls = groupCalls + batches * cost.batchCalls + (viaBulk ?? 0);
    return { provider, calls, seconds: rateSeconds(calls, cost.rateLimits) };
  });
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
