// Import, step 1: each live group of each imported provider instance as the config would declare it alone:
// its generic fields, its platform block, its pinned id and its members. Groups an `ignore` pattern covers
// stay unmanaged. Addresses the config cannot hold (invalid, or in two groups) are left out, and the group
// becomes `additive` so that the plan after the import does not remove those customers.
import { isEmail } from '../config/email.js';
import type { Finding, Json, LiveGroup, LiveState, ProviderInstance, ProviderType } from '../model.js';
import { ignored } from '../plan/glob.js';

/** Where each platform's fields go in a group's config: a platform block, or the group itself. */
const PLACEMENT: Record<ProviderType, { block: 'commercelayer' | 'bigcommerce' | null; fields: readonly string[] }> = {
  commercelayer: { block: 'commercelayer', fields: ['reference', 'reference_origin', 'metadata'] },
  bigcommerce: { block: 'bigcommerce', fields: ['is_default', 'is_group_for_guests', 'category_access', 'discount_rules'] },
  xtrakit: { block: null, fields: ['description'] },
};

export interface Candidate {
  instance: ProviderInstance;
  group: LiveGroup;
  /** Fields of the group itself besides `name` (Xtrakit's `description`). */
  own: Record<string, Json>;
  /** The platform block (`commercelayer`, `bigcommerce`) and its fields; null for Xtrakit. */
  block: { name: 'commercelayer' | 'bigcommerce'; fields: Record<string, Json> } | null;
  /** Lower-cased, sorted, each once. */
  members: string[];
  /** Some live members could not be listed: manage membership additively. */
  additive: boolean;
}

export function candidatesOf(live: readonly LiveState[], instances: readonly ProviderInstance[]): { candidates: Candidate[]; findings: Finding[] } {
  const candidates: Candidate[] = [];
  const findings: Finding[] = [];
  for (const instance of instances) {
    const state = live.find((candidate) => candidate.provider === instance.name);
    if (!state) continue;
    const placement = PLACEMENT[instance.type];
    /** e-mail → the group that lists it, on this provider. */
    const listedIn = new Map<string, LiveGroup>();
    for (const group of [...state.groups].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id))) {
      if (ignored(instance.ignore, group.name)) continue;
      if (group.name.trim() === '') {
        findings.push(warning(instance, `group #${group.id} on ${instance.name} has no name, and a declared group needs one; it is left out`));
        continue;
      }
      const members: string[] = [];
      let additive = false;
      for (const customer of state.customers.filter((c) => c.groupId === group.id)) {
        const email = customer.email.trim().toLowerCase();
        const first = listedIn.get(email);
        const problem = !isEmail(email)
          ? `customer #${customer.id} of group "${group.name}" on ${instance.name} has no valid e-mail address (${JSON.stringify(customer.email)})`
          : first
            ? `${email} is in groups "${first.name}" and "${group.name}" on ${instance.name} (two customers share the address); it is listed in the first only`
            : null;
        if (problem) {
          findings.push(warning(instance, `${problem}; the group's membership is imported as additive`));
          additive = true;
          continue;
        }
        listedIn.set(email, group);
        members.push(email);
      }
      const fields = Object.fromEntries(
        placement.fields.flatMap((field) => {
          const value = group.attributes[field];
          return isEmpty(value) ? [] : [[field, value as Json]];
        }),
      );
      candidates.push({
        instance,
        group,
        own: placement.block === null ? fields : {},
        block: placement.block === null || Object.keys(fields).length === 0 ? null : { name: placement.block, fields },
        members: members.sort(),
        additive,
      });
    }
  }
  return { candidates, findings };
}

/** Unset on the platform: null, an empty text, an empty object (Commerce Layer's metadata). */
function isEmpty(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

function warning(instance: ProviderInstance, message: string): Finding {
  return { severity: 'warning', code: 'import-partial', message, provider: instance.name };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
