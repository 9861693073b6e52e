// What `apply FILE` reads again before checking a saved plan: per provider instance the plan changes, only
// the declared groups it touches, the customers it moves, and every group only when it deletes undeclared ones.
// Where it updates or deletes groups, every declared group is read, as `plan` read them: the safety limits
// count changed groups against those, and counting against the touched ones alone would refuse a valid plan.
import type { DesiredState, Plan, ReadScope } from '../model.js';

export function savedPlanScopes(plan: Plan, desired: DesiredState): Map<string, ReadScope> {
  const touched = new Map<string, { keys: Set<string>; emails: Set<string>; allGroups: boolean; allDeclared: boolean }>();
  for (const change of plan.changes) {
    let scope = touched.get(change.provider);
    if (!scope) touched.set(change.provider, (scope = { keys: new Set(), emails: new Set(), allGroups: false, allDeclared: false }));
    if (change.kind === 'group') {
      if (change.key === null) scope.allGroups = true;
      else scope.keys.add(change.key);
      if (change.action !== 'create') scope.allDeclared = true;
      continue;
    }
    scope.emails.add(change.email);
    for (const ref of [change.before, change.after]) if (ref?.key) scope.keys.add(ref.key);
  }
  const scopes = new Map<string, ReadScope>();
  for (const [provider, { keys, emails, allGroups, allDeclared }] of touched) {
    const groups = desired.groups.filter((group) => group.provider === provider && (allDeclared || keys.has(group.key)));
    scopes.set(provider, { groups, emails: [...emails].sort(), allGroups });
  }
  return scopes;
}
