// The API cost of applying a plan, per provider instance: how many calls its changes take (membership
// changes go in batches where the platform allows), and the least time those calls need at the platform's
// rate limit. Latency is not counted: it depends on the network, not on the plan.
import type { Capabilities, Change, CostEstimate, RateWindow } from '../model.js';

/** One estimate per provider name in `providers` (sorted by name), zero for those without changes. */
export function estimateCost(
  changes: readonly Change[],
  providers: readonly string[],
  capabilities: Readonly<Record<string, Capabilities>>,
): CostEstimate[] {
  return [...new Set(providers)].sort().map((provider) => {
    const caps = capabilities[provider];
    if (!caps) throw new Error(`no capabilities for provider ${provider}`);
    const { cost } = caps;
    const own = changes.filter((change) => change.provider === provider);
    const groupCalls = own.reduce((sum, change) => sum + (change.kind === 'group' ? cost.groupCalls[change.action] : 0), 0);
    const memberships = own.filter((change) => change.kind === 'membership').length;
    const batches = Math.ceil(memberships / Math.max(1, caps.batchMembership));
    const calls = groupCalls + batches * cost.batchCalls;
    return { provider, calls, seconds: rateSeconds(calls, cost.rateLimits) };
  });
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
