// The two resource types the emulator serves, as data: their attributes, relationships, what a write may
// set, what `filter[q]` and `sort` may name. Relationships CL has but groupform never touches (markets,
// attachments, addresses, orders…) are not modelled.
import type { JsonValue } from '../common/types.js';
import type { CommerceLayerStore } from './store.js';
import type { CustomerGroupRecord, CustomerRecord } from './state.js';

export type ResourceType = 'customer_groups' | 'customers';

/** A record ready to serialise: attributes plus lazily resolved relationship targets. */
export interface Node {
  type: ResourceType;
  id: string;
  attributes: Record<string, JsonValue>;
  relationships: Record<string, { kind: 'one'; target: () => Node | null } | { kind: 'many'; target: () => Node[] }>;
}

/** The values `filter[q]` predicates and `sort` read; relationship paths (`customer_group_code`) included. */
export type Row = Record<string, string | null>;

/** How a write checks an attribute's JSON type before the platform's validations run. */
export type AttributeKind = 'text' | 'object';

export interface ResourceSpec {
  type: ResourceType;
  /** In response order. */
  attributes: readonly string[];
  relationships: Readonly<Record<string, { kind: 'one' | 'many'; type: ResourceType }>>;
  /** Attributes a create or update may set; the rest are read-only (400 PARAM_NOT_ALLOWED). */
  writable: Readonly<Record<string, AttributeKind>>;
  /** To-one relationships a write may set or clear. */
  writableRelationships: readonly string[];
  filterable: readonly string[];
  /** Filterable fields compared case-insensitively by `_eq`/`_in`: `code` is documented "not case-sensitive". */
  caseInsensitive: readonly string[];
  sortable: readonly string[];
}

const TIMESTAMPS = ['created_at', 'updated_at'] as const;
const REFERENCES = ['reference', 'reference_origin'] as const;

export const SPECS: Readonly<Record<ResourceType, ResourceSpec>> = {
  customer_groups: {
    type: 'customer_groups',
    attributes: ['name', 'code', ...TIMESTAMPS, ...REFERENCES, 'metadata'],
    relationships: { customers: { kind: 'many', type: 'customers' } },
    writable: { name: 'text', code: 'text', reference: 'text', reference_origin: 'text', metadata: 'object' },
    writableRelationships: [],
    filterable: ['id', 'name', 'code', ...TIMESTAMPS, ...REFERENCES],
    caseInsensitive: ['code'],
    sortable: ['id', 'name', 'code', ...TIMESTAMPS, ...REFERENCES],
  },
  customers: {
    type: 'customers',
    attributes: ['email', 'status', ...TIMESTAMPS, ...REFERENCES, 'metadata'],
    relationships: { customer_group: { kind: 'one', type: 'customer_groups' } },
    writable: { email: 'text', reference: 'text', reference_origin: 'text', metadata: 'object' },
    writableRelationships: ['customer_group'],
    filterable: [
      'id', 'email', 'status', ...TIMESTAMPS, ...REFERENCES,
      'customer_group_id', 'customer_group_code', 'customer_group_name',
    ],
    caseInsensitive: ['customer_group_code'],
    sortable: ['id', 'email', 'status', ...TIMESTAMPS, ...REFERENCES],
  },
};

export function groupNode(group: CustomerGroupRecord, store: CommerceLayerStore): Node {
  const { id, ...attributes } = group;
  return {
    type: 'customer_groups',
    id,
    attributes,
    relationships: {
      customers: { kind: 'many', target: () => store.membersOf(id).map((c) => customerNode(c, store)) },
    },
  };
}

export function customerNode(customer: CustomerRecord, store: CommerceLayerStore): Node {
  const { id, customer_group_id: groupId, ...attributes } = customer;
  return {
    type: 'customers',
    id,
    attributes,
    relationships: {
      customer_group: {
        kind: 'one',
        target: () => {
          const group = groupId === null ? undefined : store.group(groupId);
          return group ? groupNode(group, store) : null;
        },
      },
    },
  };
}

export function groupRow(group: CustomerGroupRecord): Row {
  const { metadata: _metadata, ...row } = group;
  return row;
}

export function customerRow(customer: CustomerRecord, store: CommerceLayerStore): Row {
  const { metadata: _metadata, ...row } = customer;
  const group = customer.customer_group_id === null ? undefined : store.group(customer.customer_group_id);
  return { ...row, customer_group_code: group?.code ?? null, customer_group_name: group?.name ?? null };
}
