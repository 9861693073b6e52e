// Group changes on one provider instance: create the unmatched declared groups, update the managed fields
// that differ, and (only with prune) delete the live groups nobody declares.
import type { Attributes, Capabilities, Finding, GroupChange, LiveGroup, ProviderInstance } from '../model.js';
import { groupAddress } from './address.js';
import { ignored } from './glob.js';
import type { GroupMatch } from './identity.js';
import { jsonEqual } from './values.js';

export interface GroupPlan {
  changes: GroupChange[];
  /** Live groups this plan deletes. */
  deleted: LiveGroup[];
  findings: Finding[];
}

export function planGroups(
  instance: ProviderInstance,
  capabilities: Capabilities,
  resolved: readonly GroupMatch[],
  claimed: ReadonlySet<string>,
  live: readonly LiveGroup[],
): GroupPlan {
  const provider = instance.name;
  const changes: GroupChange[] = [];
  for (const { desired, live: current } of resolved) {
    const address = groupAddress(provider, desired.key, null);
    if (current === null) {
      // The planner adds no `code`: on identity 'code' platforms the adapter sets it from the key.
      changes.push({ kind: 'group', action: 'create', address, provider, key: desired.key, id: null, before: null, after: { ...desired.attributes } });
      continue;
    }
    const diff = diffAttributes(desired.attributes, liveAttributes(current));
    if (diff) changes.push({ kind: 'group', action: 'update', address, provider, key: desired.key, id: current.id, ...diff });
  }

  const deleted: LiveGroup[] = [];
  const findings: Finding[] = [];
  if (instance.prune) {
    // Only live groups that no declared group claims are deleted, so a declared group's live group never is;
    // `protect: true` guards against the one way round that (a rename read as delete + create) in safety.ts.
    for (const group of live) {
      if (claimed.has(group.id) || ignored(instance.ignore, group.name)) continue;
      if (!capabilities.delete) {
        findings.push({
          severity: 'warning',
          code: 'delete-unsupported',
          provider,
          message: `group "${group.name}" (#${group.id}) on ${provider} is not declared, but ${instance.type} groups cannot be deleted through the API; it is left as it is`,
        });
        continue;
      }
      deleted.push(group);
      changes.push({
        kind: 'group',
        action: 'delete',
        address: groupAddress(provider, null, group.id),
        provider,
        key: null,
        id: group.id,
        before: liveAttributes(group),
        after: null,
      });
    }
  }
  return { changes, deleted, findings };
}

/** A live group's fields in the config's names, `name` included. */
export function liveAttributes(group: LiveGroup): Attributes {
  return { name: group.name, ...group.attributes };
}

/**
 * Only the fields the config declares are compared (undeclared ones are left alone), and `before`/`after`
 * hold only the fields that differ: what apply sends and what renderers show. Null when nothing differs.
 */
function diffAttributes(desired: Attributes, live: Attributes): { before: Attributes; after: Attributes } | null {
  const before: Attributes = {};
  const after: Attributes = {};
  for (const [field, value] of Object.entries(desired)) {
    if (jsonEqual(value, live[field])) continue;
    before[field] = live[field] ?? null;
    after[field] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}
