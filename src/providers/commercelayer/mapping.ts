// Pure mapping between Commerce Layer resources and groupform's live model, and the normal form in which
// desired and live values compare equal (the planner deep-compares them).
import type { Attributes, Json, LiveCustomer, LiveGroup } from '../../model.js';
import type { Resource } from './api.js';

/** Group fields groupform manages on Commerce Layer, in the config's names (the same as CL's). */
export const FIELDS = ['name', 'reference', 'reference_origin', 'metadata'] as const;
type Field = (typeof FIELDS)[number];

const isField = (key: string): key is Field => (FIELDS as readonly string[]).includes(key);

/** Objects with their keys sorted, recursively: key order carries no meaning in JSON. */
export function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}

function normalizeField(field: Field, value: Json | undefined): Json {
  switch (field) {
    case 'name':
      return value ?? null;
    case 'reference':
    case 'reference_origin':
      // Unset comes back as null (or not at all); an empty string means the same.
      return value === undefined || value === '' ? null : value;
    case 'metadata':
      // Commerce Layer keeps `{}` for no metadata.
      return value === undefined || value === null ? {} : canonical(value);
  }
}

/** Keeps the fields Commerce Layer has (others, like `description`, have no place here) in normal form. */
export function normalize(attributes: Attributes): Attributes {
  const result: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (isField(key)) result[key] = normalizeField(key, value);
  return result;
}

export function sameValue(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

/** The fields of `after` that differ from `before`, normalised: what a PATCH must carry. */
export function changedAttributes(before: Attributes, after: Attributes): Attributes {
  const from = normalize(before);
  const to = normalize(after);
  return Object.fromEntries(Object.entries(to).filter(([key, value]) => !(key in from) || !sameValue(from[key], value)));
}

export function toLiveGroup(resource: Resource): LiveGroup {
  const attributes = resource.attributes ?? {};
  const name = attributes.name;
  return {
    id: resource.id,
    code: typeof attributes.code === 'string' ? attributes.code : null,
    name: typeof name === 'string' ? name : '',
    attributes: normalize(Object.fromEntries(FIELDS.map((field) => [field, attributes[field] ?? null]))),
    ...(typeof attributes.updated_at === 'string' ? { updatedAt: attributes.updated_at } : {}),
  };
}

/**
 * A customer with the group it is in. Undefined when the resource does not say (its `customer_group`
 * relationship came without `data`): reads include the relationship, so that means the answer is unusable.
 * `withTime`: keep `updated_at`.
 */
export function toLiveCustomer(resource: Resource, withTime = true): LiveCustomer | undefined {
  const attributes = resource.attributes ?? {};
  const group = resource.relationships?.customer_group;
  if (typeof attributes.email !== 'string' || !group || group.data === undefined || Array.isArray(group.data)) return undefined;
  // A plain literal, the time added after: a spread in the literal gives every one of a million objects a slot more.
  const customer: LiveCustomer = { id: resource.id, email: attributes.email.toLowerCase(), groupId: group.data?.id ?? null };
  if (withTime && typeof attributes.updated_at === 'string') customer.updatedAt = attributes.updated_at;
  return customer;
}
