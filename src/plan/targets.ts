// `--target provider[/key]`: narrow a plan to some provider instances or declared groups. A membership
// change is in scope when the group it joins or leaves is; live-only groups (prune deletes) are only in
// scope of a whole-provider target.
import type { Change, Finding } from '../model.js';
import { groupPrerequisites, type OrderRules } from './order.js';

export interface PlanTarget {
  provider: string;
  /** A declared group's key; absent for the whole provider instance. */
  key?: string;
}

export function inTargets(change: Change, targets: readonly PlanTarget[]): boolean {
  const hit = (key: string | null | undefined): boolean =>
    targets.some((target) => target.provider === change.provider && (target.key === undefined || target.key === key));
  switch (change.kind) {
    case 'group':
      return hit(change.key);
    case 'membership':
      // A move into a group this plan creates cannot happen without that create: in scope only with it.
      if (change.after !== null && change.after.id === null) return hit(change.after.key);
      return hit(change.after?.key) || hit(change.before?.key);
  }
}

/**
 * A finding is in scope as the changes are: one about a declared group when its provider or that group is
 * targeted, one about a live group the file does not declare (a prune delete) only with its whole provider.
 * Findings about no provider (the config as a whole) are kept.
 */
export function findingInTargets(finding: Finding, targets: readonly PlanTarget[]): boolean {
  return (
    finding.provider === undefined ||
    targets.some((target) => target.provider === finding.provider && (target.key === undefined || target.key === finding.group))
  );
}

/**
 * A change kept whose name is freed by a change the targets leave out would fail on the platform: an error
 * naming both. `all` is the whole plan, `kept` what the targets keep.
 */
export function missingPrerequisites(all: readonly Change[], kept: readonly Change[], rulesOf: (provider: string) => OrderRules): Finding[] {
  const inPlan = new Set(kept);
  const findings: Finding[] = [];
  for (const provider of new Set(kept.map((change) => change.provider))) {
    const own = all.filter((change) => change.provider === provider);
    for (const [change, before] of groupPrerequisites(own, rulesOf(provider))) {
      if (!inPlan.has(change)) continue;
      for (const other of before.filter((prerequisite) => !inPlan.has(prerequisite))) {
        findings.push({
          severity: 'error',
          code: 'name-order',
          provider,
          message: `${change.address} must wait for ${other.address} (it frees the name "${String(change.after?.name)}"), which --target leaves out; target both`,
        });
      }
    }
  }
  return findings;
}
