// `--target provider[/key]`: narrow a plan to some provider instances or declared groups. A membership
// change is in scope when the group it joins or leaves is; live-only groups (prune deletes) are only in
// scope of a whole-provider target.
import type { Change, Finding } from '../model.js';

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

/** Findings about providers outside the targets are dropped; findings about none are kept. */
export function findingInTargets(finding: Finding, targets: readonly PlanTarget[]): boolean {
  return finding.provider === undefined || targets.some((target) => target.provider === finding.provider);
}
