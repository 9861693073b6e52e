// `ignore:` on one provider instance (DESIGN.md §1 "Ownership and deletion"): a live group an ignore pattern
// covers is never renamed, updated or deleted. A declared group that would manage one (by pinned id, code or
// name), or that would take a name a pattern covers (so that the next plan finds it ignored), is an error
// naming both, and nothing is planned for it. Customers still leave an ignored group when the file declares
// them in another (a customer has one group): the plan says how many, per group.
import type { Capabilities, Finding, LiveGroup, MembershipChange, ProviderInstance } from '../model.js';
import { ignoringPattern } from './glob.js';
import { declaredName, type GroupMatch } from './identity.js';

export function withoutIgnored(
  instance: ProviderInstance,
  identity: Capabilities['identity'],
  resolved: readonly GroupMatch[],
): { resolved: GroupMatch[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const kept = resolved.filter(({ desired, live }) => {
    const name = declaredName(desired);
    const byLive = live ? ignoringPattern(instance.ignore, live.name) : undefined;
    const byName = ignoringPattern(instance.ignore, name);
    if (byLive === undefined && byName === undefined) return true;
    const how = desired.pinnedId !== undefined ? `its pinned id (ids.${instance.name})` : identity === 'code' ? 'code' : 'name';
    const message =
      live && byLive !== undefined
        ? `group ${desired.key} matches live group "${live.name}" (#${live.id}) on ${instance.name} by ${how}, and ignore pattern "${byLive}" covers that group; ` +
          'an ignored group is never renamed, changed or deleted: narrow the pattern, or declare another group'
        : `group ${desired.key} would be named "${name}" on ${instance.name}, which ignore pattern "${byName}" covers, so the group would be ignored ` +
          'once it is there: rename it, or narrow the pattern';
    findings.push({
      severity: 'error',
      code: 'ignored-group-claimed',
      message,
      provider: instance.name,
      group: desired.key,
      ...(desired.pos ? { pos: desired.pos } : {}),
    });
    return false;
  });
  return { resolved: kept, findings };
}

/** One warning per ignored live group that customers of this plan leave, with how many. */
export function leavingIgnored(instance: ProviderInstance, groups: readonly LiveGroup[], changes: readonly MembershipChange[]): Finding[] {
  const leaving = new Map<string, number>();
  for (const { before } of changes) {
    if (before?.id) leaving.set(before.id, (leaving.get(before.id) ?? 0) + 1);
  }
  return groups.flatMap((group) => {
    const count = leaving.get(group.id);
    const pattern = ignoringPattern(instance.ignore, group.name);
    if (count === undefined || pattern === undefined) return [];
    const who = count === 1 ? '1 customer leaves' : `${count} customers leave`;
    return [
      {
        severity: 'warning',
        code: 'leaves-ignored-group',
        provider: instance.name,
        message:
          `${who} group "${group.name}" (#${group.id}) on ${instance.name}, which ignore pattern "${pattern}" covers: ` +
          'the file declares them in other groups, and a customer has one group',
      },
    ];
  });
}
