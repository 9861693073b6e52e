// The resource types the emulator serves, as data: their attributes, relationships, what a write may
// set, what `filter[q]` and `sort` may name. Relationships CL has but groupform never touches (markets,
// attachments, addresses, orders, an import's events…) are not modelled.
import type { JsonValue } from '../common/types.js';
import type { CommerceLayerStore } from './store.js';
import type { CustomerGroupRecord, CustomerRecord } from './state.js';

export type ResourceType = 'customer_groups' | 'customers' | 'imports' | 'exports';

/** A record ready to serialise: attributes plus lazily resolved relationship targets. */
export interface Node {
  type: ResourceType;
  id: string;
  attributes: Record<string, JsonValue>;
  relationships: Record<string, { kind: 'one'; target: () => Node | null } | { kind: 'many'; target: () => Node[] }>;
}

/** The values `filter[q]` predicates and `sort` read; relationship paths (`customer_group_code`) included. */
export type Row = Record<string, string | null | { [key: string]: JsonValue }>;

/** How a write checks an attribute's JSON type before the platform's validations run. */
export type AttributeKind = 'text' | 'object' | 'array' | 'boolean';

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
    filterable: ['id', 'name', 'code', ...TIMESTAMPS, ...REFERENCES, 'metadata'],
    caseInsensitive: ['code'],
    sortable: ['id', 'name', 'code', ...TIMESTAMPS, ...REFERENCES],
  },
  customers: {
    type: 'customers',
    attributes: ['email', 'status', ...TIMESTAMPS, ...REFERENCES, 'metadata'],
    relationships: { customer_group: { kind: 'one', type: 'customer_groups' } },
    writable: { email: 'text', reference: 'text', reference_origin: 'text', metadata: 'object' },
    writableRelationships: ['customer_group'],
    filterable: ['id', 'email', 'status', ...TIMESTAMPS, ...REFERENCES, 'metadata', 'customer_group_id', 'customer_group_code', 'customer_group_name'],
    caseInsensitive: ['customer_group_code'],
    sortable: ['id', 'email', 'status', ...TIMESTAMPS, ...REFERENCES],
  },
  // Imports and exports: the fields of the official resource model (shared/providers §1.8a). An import's
  // `inputs` is write-only here: the model marks it transient, and the current docs hand the data back
  // through `attachment_url` instead.
  imports: {
    type: 'imports',
    attributes: [
      'resource_type',
      'format',
      'parent_resource_id',
      'status',
      'started_at',
      'completed_at',
      'interrupted_at',
      'inputs_size',
      'errors_count',
      'warnings_count',
      'processed_count',
      'errors_log',
      'warnings_log',
      'skip_errors',
      'attachment_url',
      ...TIMESTAMPS,
      ...REFERENCES,
      'metadata',
    ],
    relationships: {},
    writable: {
      resource_type: 'text',
      format: 'text',
      parent_resource_id: 'text',
      inputs: 'array',
      skip_errors: 'boolean',
      reference: 'text',
      reference_origin: 'text',
      metadata: 'object',
    },
    writableRelationships: [],
    filterable: ['id', 'resource_type', 'format', 'status', ...TIMESTAMPS, ...REFERENCES],
    caseInsensitive: [],
    sortable: ['id', 'resource_type', 'format', 'status', ...TIMESTAMPS, ...REFERENCES],
  },
  exports: {
    type: 'exports',
    attributes: [
      'resource_type',
      'format',
      'status',
      'includes',
      'fields',
      'filters',
      'dry_data',
      'started_at',
      'completed_at',
      'interrupted_at',
      'records_count',
      'processed_count',
      'progress',
      'attachment_url',
      'errors_log',
      ...TIMESTAMPS,
      ...REFERENCES,
      'metadata',
    ],
    relationships: {},
    writable: {
      resource_type: 'text',
      format: 'text',
      includes: 'array',
      fields: 'array',
      filters: 'object',
      dry_data: 'boolean',
      reference: 'text',
      reference_origin: 'text',
      metadata: 'object',
    },
    writableRelationships: [],
    filterable: ['id', 'resource_type', 'format', 'status', ...TIMESTAMPS, ...REFERENCES],
    caseInsensitive: [],
    sortable: ['id', 'resource_type', 'format', 'status', ...TIMESTAMPS, ...REFERENCES],
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

// Rows are built for every record on every list request, so they are plain literals (no rest/spread copies).
export function groupRow(g: CustomerGroupRecord): Row {
  return {
    id: g.id,
    name: g.name,
    code: g.code,
    created_at: g.created_at,
    updated_at: g.updated_at,
    reference: g.reference,
    reference_origin: g.reference_origin,
    metadata: g.metadata,
  };
}

export function customerRow(c: CustomerRecord, store: CommerceLayerStore): Row {
  const group = c.customer_group_id === null ? undefined : store.group(c.customer_group_id);
  return {
    id: c.id,
    email: c.email,
    status: c.status,
    created_at: c.created_at,
    updated_at: c.updated_at,
    reference: c.reference,
    reference_origin: c.reference_origin,
    metadata: c.metadata,
    customer_group_id: c.customer_group_id,
    customer_group_code: group?.code ?? null,
    customer_group_name: group?.name ?? null,
  };
}
