// The properties a successful apply must leave true (issue 16), checked on the emulator's state before and
// after, the applied plan, and the live state read back through the adapter. Each returns the violations as
// sentences (empty: it holds), so a failure names every broken property of the case at once.
import { isDeepStrictEqual } from 'node:util';
import { ignored } from '../../../src/plan/glob.js';
import type { DesiredGroup, LiveState, Plan } from '../../../src/model.js';
import type { Platform, View, ViewGroup } from './platforms.js';

export interface Outcome {
  platform: Platform;
  before: View;
  after: View;
  plan: Plan;
  desired: DesiredGroup[];
  ignore: string[];
  /** The live state read back after the apply, through the adapter. */
  reread: LiveState;
}

/** The live group each declared group is now, by the platform's identity; a violation when not exactly one. */
function holders({ platform, after, desired }: Outcome, problems: string[]): Map<string, ViewGroup> {
  const held = new Map<string, ViewGroup>();
  for (const d of desired) {
    const name = String(d.attributes.name);
    const found = after.groups.filter((g) =>
      d.pinnedId !== undefined
        ? g.id === d.pinnedId
        : platform.type === 'commercelayer'
          ? g.code?.toLowerCase() === d.key.toLowerCase()
          : platform.sameName!(g.name) === platform.sameName!(name),
    );
    if (found.length !== 1) problems.push(`declared group ${d.key} is ${found.length} live groups: ${JSON.stringify(found)}`);
    else if (found[0]!.name !== name) problems.push(`declared group ${d.key} is named ${JSON.stringify(found[0]!.name)}, not ${JSON.stringify(name)}`);
    if (found.length === 1) held.set(d.key, found[0]!);
  }
  return held;
}

export function checkProperties(outcome: Outcome): string[] {
  const { platform, before, after, plan, desired, ignore, reread } = outcome;
  const problems: string[] = [];
  const held = holders(outcome, problems);
  const declaredOf = new Map([...held].map(([key, g]) => [g.id, desired.find((d) => d.key === key)!]));
  const beforeGroups = new Map(before.groups.map((g) => [g.id, g]));
  const afterGroups = new Map(after.groups.map((g) => [g.id, g]));

  // No twins: no two live groups one name by the platform's rule (Commerce Layer: one code).
  const unique = platform.sameName
    ? after.groups.map((g) => platform.sameName!(g.name))
    : after.groups.flatMap((g) => (g.code === null ? [] : [g.code.toLowerCase()]));
  if (new Set(unique).size < unique.length) problems.push(`twin groups: ${JSON.stringify(after.groups.map((g) => [g.name, g.code]))}`);

  for (const g of after.groups) {
    const old = beforeGroups.get(g.id);
    if (!old) continue;
    const d = declaredOf.get(g.id);
    if (ignored(ignore, old.name) && (old.name !== g.name || !isDeepStrictEqual(old.fields, g.fields)))
      problems.push(`ignored group #${g.id} ${old.name} was changed`);
    // Fields the file does not declare are left alone (a group the file does not manage: every field).
    const managed = new Set(d ? Object.keys(d.attributes).flatMap((k) => platform.fieldsOf[k] ?? []) : []);
    for (const field of new Set([...Object.keys(old.fields), ...Object.keys(g.fields)])) {
      if (!managed.has(field) && !isDeepStrictEqual(old.fields[field], g.fields[field])) {
        problems.push(`group #${g.id} field ${field} changed from ${JSON.stringify(old.fields[field])} to ${JSON.stringify(g.fields[field])}, not declared`);
      }
    }
    if (!d && old.name !== g.name) problems.push(`unmanaged group #${g.id} renamed from ${old.name} to ${g.name}`);
  }
  for (const old of before.groups) {
    if (ignored(ignore, old.name) && !afterGroups.has(old.id)) problems.push(`ignored group #${old.id} ${old.name} was deleted`);
  }

  // Customers: declared ones in their group; the others where the file's authority leaves them.
  const declaredIn = new Map(desired.flatMap((d) => (d.members ?? []).map((email) => [email, d] as const)));
  const afterCustomers = new Map(after.customers.map((c) => [c.id, c]));
  for (const c of before.customers) {
    const now = afterCustomers.get(c.id);
    if (!now) {
      problems.push(`customer ${c.email} disappeared`);
      continue;
    }
    if (!isDeepStrictEqual(c.fields, now.fields))
      problems.push(`customer ${c.email} fields changed: ${JSON.stringify(c.fields)} → ${JSON.stringify(now.fields)}`);
    const d = declaredIn.get(c.email.toLowerCase());
    let expected: string | null;
    if (d) expected = held.get(d.key)?.id ?? null;
    else if (c.groupId === null) expected = null;
    else if (!afterGroups.has(c.groupId))
      expected = null; // its group was pruned
    else {
      const owner = declaredOf.get(c.groupId);
      expected = owner && owner.members !== null && owner.membership === 'authoritative' ? null : c.groupId;
    }
    if (now.groupId !== expected) problems.push(`customer ${c.email} is in group ${now.groupId}, expected ${expected} (was ${c.groupId})`);
  }

  // The plan is what changed: each change's `after` holds, and nothing changed that the plan did not say.
  const final = new Map<string, Plan['changes'][number]>();
  for (const change of plan.changes) {
    if (change.kind === 'group' && change.temporary) continue;
    final.set(change.kind === 'group' ? `group:${change.id ?? `key:${change.key}`}` : `customer:${change.customerId}`, change);
  }
  const reread_ = new Map(reread.groups.map((g) => [g.id, g]));
  for (const change of final.values()) {
    if (change.kind === 'group') {
      const id = change.id ?? held.get(change.key ?? '')?.id;
      if (change.action === 'delete') {
        if (afterGroups.has(change.id!)) problems.push(`${change.address} was to be deleted and still exists`);
        continue;
      }
      const live = id === undefined ? undefined : reread_.get(id);
      for (const [field, value] of Object.entries(change.after ?? {})) {
        if (!isDeepStrictEqual(live?.attributes[field], value)) {
          problems.push(`${change.address} ${field} is ${JSON.stringify(live?.attributes[field])}, the plan said ${JSON.stringify(value)}`);
        }
      }
    } else {
      const now = afterCustomers.get(change.customerId);
      const target = change.after === null ? null : (change.after.id ?? held.get(change.after.key ?? '')?.id ?? '?');
      if (now?.groupId !== target) problems.push(`${change.address} is in ${now?.groupId}, the plan said ${target}`);
    }
  }
  const createdKeys = new Set([...final.values()].flatMap((c) => (c.kind === 'group' && c.action === 'create' ? [c.key] : [])));
  for (const g of after.groups) {
    const old = beforeGroups.get(g.id);
    if (!old) {
      const key = declaredOf.get(g.id)?.key;
      if (!key || !createdKeys.has(key)) problems.push(`group #${g.id} ${g.name} appeared without a create in the plan`);
    } else if ((old.name !== g.name || !isDeepStrictEqual(old.fields, g.fields)) && !final.has(`group:${g.id}`)) {
      problems.push(`group #${g.id} changed without an update in the plan`);
    }
  }
  for (const old of before.groups)
    if (!afterGroups.has(old.id) && !final.has(`group:${old.id}`)) problems.push(`group #${old.id} vanished without a delete in the plan`);
  for (const c of before.customers) {
    if (afterCustomers.get(c.id)?.groupId !== c.groupId && !final.has(`customer:${c.id}`)) {
      const deleted = c.groupId !== null && !afterGroups.has(c.groupId);
      if (!deleted) problems.push(`customer ${c.email} moved without a change in the plan`);
    }
  }
  return problems;
}
