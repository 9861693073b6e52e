// The endpoints: customer_groups (list, retrieve, create, update, delete, their customers), customers
// (list, retrieve, update, their group), imports and exports (list, retrieve, create). Authentication, limits
// and media types are checked before these run.
import type { EmulatorRequest, EmulatorResponse } from '../common/types.js';
import type { BulkJobs } from './bulk.js';
import { fail, JSONAPI_MEDIA_TYPE } from './errors.js';
import { matchesAll, parsePredicates, type Predicate } from './filter.js';
import { parseQuery, type ParsedQuery, type SortKey } from './query.js';
import { customerNode, customerRow, groupNode, groupRow, SPECS, type Node, type ResourceSpec, type Row } from './resources.js';
import { renderPage, renderRelationship, renderSingle, type RenderContext } from './serialize.js';
import type { CustomerRecord } from './state.js';
// Write documents hold only attributes whose JSON kind write-body checked against the spec, hence the casts.
import type { CommerceLayerStore, CustomerInput, GroupDeletionPolicy, GroupInput } from './store.js';
import { parseWriteDocument } from './write-body.js';

export interface ApiContext {
  store: CommerceLayerStore;
  mode: 'test' | 'live';
  groupDeletion: GroupDeletionPolicy;
  bulk: BulkJobs;
}

export type ApiHandler = (request: EmulatorRequest, params: Record<string, string>, ctx: ApiContext) => EmulatorResponse;

const groups = SPECS.customer_groups;
const customers = SPECS.customers;

export const listGroups: ApiHandler = (request, _params, ctx) =>
  collection(request, ctx, groups, () => ctx.store.groups.map((g) => ({ row: groupRow(g), node: () => groupNode(g, ctx.store) })));

export const showGroup: ApiHandler = (request, { id }, ctx) => single(request, ctx, groups, 200, groupNode(findGroup(ctx, id), ctx.store));

export const createGroup: ApiHandler = (request, _params, ctx) => {
  const query = parseQuery(request.query, groups);
  const { attributes } = parseWriteDocument(request.body, groups);
  const created = ctx.store.createGroup(attributes as GroupInput);
  return document(201, renderSingle(groupNode(created, ctx.store), renderContext(request, query, ctx)));
};

export const updateGroup: ApiHandler = (request, { id }, ctx) => {
  const query = parseQuery(request.query, groups);
  const { attributes } = parseWriteDocument(request.body, groups, id);
  const updated = ctx.store.updateGroup(findGroup(ctx, id), attributes as GroupInput);
  return document(200, renderSingle(groupNode(updated, ctx.store), renderContext(request, query, ctx)));
};

export const deleteGroup: ApiHandler = (_request, { id }, ctx) => {
  ctx.store.deleteGroup(findGroup(ctx, id), ctx.groupDeletion);
  return { status: 204 };
};

/** The `related` link of a group's `customers`: a customers collection, filterable and paginated like the list. */
export const groupCustomers: ApiHandler = (request, { id }, ctx) => {
  const groupId = findGroup(ctx, id).id;
  return customerCollection(request, ctx, () => ctx.store.membersOf(groupId));
};

export const listCustomers: ApiHandler = (request, _params, ctx) =>
  customerCollection(request, ctx, (predicates) => indexedCustomers(ctx.store, predicates) ?? ctx.store.customers);

export const showCustomer: ApiHandler = (request, { id }, ctx) => single(request, ctx, customers, 200, customerNode(findCustomer(ctx, id), ctx.store));

export const updateCustomer: ApiHandler = (request, { id }, ctx) => {
  const query = parseQuery(request.query, customers);
  const { attributes, relationships } = parseWriteDocument(request.body, customers, id);
  const input: CustomerInput = { ...(attributes as CustomerInput), customer_group_id: relationships.customer_group };
  const updated = ctx.store.updateCustomer(findCustomer(ctx, id), input);
  return document(200, renderSingle(customerNode(updated, ctx.store), renderContext(request, query, ctx)));
};

/** The `related` link of a customer's `customer_group`: the group, or `data: null`. */
export const customerGroup: ApiHandler = (request, { id }, ctx) => {
  const customer = findCustomer(ctx, id);
  const group = customer.customer_group_id === null ? undefined : ctx.store.group(customer.customer_group_id);
  return single(request, ctx, groups, 200, group ? groupNode(group, ctx.store) : null);
};

/** The `links.self` of a group's `customers`: the linkage, resource identifiers only. */
export const groupCustomersLinkage: ApiHandler = (request, { id }, ctx) => linkage(request, ctx, groups, groupNode(findGroup(ctx, id), ctx.store), 'customers');

/** The `links.self` of a customer's `customer_group`: its identifier, or `data: null`. */
export const customerGroupLinkage: ApiHandler = (request, { id }, ctx) =>
  linkage(request, ctx, customers, customerNode(findCustomer(ctx, id), ctx.store), 'customer_group');

function linkage(request: EmulatorRequest, ctx: ApiContext, spec: ResourceSpec, node: Node, name: string): EmulatorResponse {
  const query = parseQuery(request.query, spec);
  return document(200, renderRelationship(node, name, renderContext(request, query, ctx)));
}

const imports = SPECS.imports;
const exports = SPECS.exports;

export const listImports: ApiHandler = (request, _params, ctx) => jobCollection(request, ctx, 'imports');
export const showImport: ApiHandler = (request, { id }, ctx) => showJob(request, ctx, 'imports', id);
export const createImport: ApiHandler = (request, _params, ctx) => {
  const query = parseQuery(request.query, imports);
  const job = ctx.bulk.createImport(parseWriteDocument(request.body, imports).attributes);
  return document(201, renderSingle(ctx.bulk.node(job, request.origin), renderContext(request, query, ctx)));
};

export const listExports: ApiHandler = (request, _params, ctx) => jobCollection(request, ctx, 'exports');
export const showExport: ApiHandler = (request, { id }, ctx) => showJob(request, ctx, 'exports', id);
export const createExport: ApiHandler = (request, _params, ctx) => {
  const query = parseQuery(request.query, exports);
  const job = ctx.bulk.createExport(parseWriteDocument(request.body, exports).attributes);
  return document(201, renderSingle(ctx.bulk.node(job, request.origin), renderContext(request, query, ctx)));
};

function jobCollection(request: EmulatorRequest, ctx: ApiContext, kind: 'imports' | 'exports'): EmulatorResponse {
  const candidates = ctx.bulk.list(kind).map((job) => {
    const node = ctx.bulk.node(job, request.origin);
    const row = Object.fromEntries(
      SPECS[kind].filterable.map((field) => [field, field === 'id' ? job.id : ((node.attributes[field] as string | null) ?? null)]),
    );
    return { row, node: () => node };
  });
  // Jobs move on with the clock, not with the store: never kept for a next page.
  return collection(request, ctx, SPECS[kind], () => candidates, false);
}

function showJob(request: EmulatorRequest, ctx: ApiContext, kind: 'imports' | 'exports', id: string): EmulatorResponse {
  const job = ctx.bulk.get(kind, id);
  if (!job) throw fail.recordNotFound();
  return single(request, ctx, SPECS[kind], 200, ctx.bulk.node(job, request.origin));
}

function customerCollection(
  request: EmulatorRequest,
  ctx: ApiContext,
  records: (predicates: readonly Predicate[]) => readonly CustomerRecord[],
): EmulatorResponse {
  return collection(request, ctx, customers, (predicates) =>
    records(predicates).map((c) => ({ row: customerRow(c, ctx.store), node: () => customerNode(c, ctx.store) })),
  );
}

/**
 * The customers a filter on ids, e-mails or groups (`_eq`, `_in`: exact, as on Postgres) can match, from the
 * store's indexes, in creation order; undefined when no such filter narrows the list. Every predicate is
 * still checked on each of them.
 */
function indexedCustomers(store: CommerceLayerStore, predicates: readonly Predicate[]): CustomerRecord[] | undefined {
  const lookups: Record<string, (value: string) => Iterable<CustomerRecord>> = {
    id: (value) => present(store.customer(value)),
    // Stored lower case; `email_eq` may be compared ignoring case, and the predicates still decide.
    email: (value) => present(store.customerByEmail(value.toLowerCase())),
    customer_group_id: (value) => store.membersOf(value),
  };
  for (const { equals } of predicates) {
    const lookup = equals && lookups[equals.field];
    if (!equals || !lookup) continue;
    const found = new Set<CustomerRecord>();
    for (const value of equals.values) for (const customer of lookup(value)) found.add(customer);
    return store.inCreationOrder(found);
  }
  return undefined;
}

function present<T>(item: T | undefined): T[] {
  return item === undefined ? [] : [item];
}

function findGroup(ctx: ApiContext, id: string) {
  const group = ctx.store.group(id);
  if (!group) throw fail.recordNotFound();
  return group;
}

function findCustomer(ctx: ApiContext, id: string) {
  const customer = ctx.store.customer(id);
  if (!customer) throw fail.recordNotFound();
  return customer;
}

function single(request: EmulatorRequest, ctx: ApiContext, spec: ResourceSpec, status: number, node: Node | null): EmulatorResponse {
  const query = parseQuery(request.query, spec);
  return document(status, renderSingle(node, renderContext(request, query, ctx)));
}

interface Candidate {
  row: Row;
  /** Built only for the records on the requested page. */
  node: () => Node;
}

/** Selections kept for the next pages of the same list (a read pages through one filter), while the store is unchanged. */
const selections = new WeakMap<CommerceLayerStore, { version: number; lists: Map<string, Candidate[]> }>();
const KEPT_SELECTIONS = 8;

function collection(
  request: EmulatorRequest,
  ctx: ApiContext,
  spec: ResourceSpec,
  candidates: (predicates: readonly Predicate[]) => Candidate[],
  keep = true,
): EmulatorResponse {
  const query = parseQuery(request.query, spec);
  const select = () => {
    const predicates = parsePredicates(query.filters, spec);
    return sortCandidates(
      candidates(predicates).filter((c) => matchesAll(c.row, predicates)),
      query.sort,
    );
  };
  const selected = keep ? kept(ctx.store, JSON.stringify([request.path, query.filters, query.sort]), select) : select();
  const { number, size } = query.page;
  const onPage = selected.slice((number - 1) * size, number * size).map((c) => c.node());
  const page = { number, size, recordCount: selected.length, path: request.path, carry: query.carry };
  return document(200, renderPage(onPage, page, renderContext(request, query, ctx)));
}

function kept(store: CommerceLayerStore, key: string, select: () => Candidate[]): Candidate[] {
  let cache = selections.get(store);
  if (cache?.version !== store.version) selections.set(store, (cache = { version: store.version, lists: new Map() }));
  let list = cache.lists.get(key);
  if (!list) {
    if (cache.lists.size >= KEPT_SELECTIONS) cache.lists.delete(cache.lists.keys().next().value!);
    cache.lists.set(key, (list = select()));
  }
  return list;
}

/** Postgres order: NULLs last ascending, first descending. Without `sort`, records keep their creation order. */
function sortCandidates(candidates: Candidate[], sort: readonly SortKey[]): Candidate[] {
  if (!sort.length) return candidates;
  return [...candidates].sort((a, b) => {
    for (const { field, descending } of sort) {
      // Sortable fields are all scalars (metadata is filterable, not sortable).
      const x = (a.row[field] ?? null) as string | null;
      const y = (b.row[field] ?? null) as string | null;
      if (x === y) continue;
      const order = x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  });
}

function renderContext(request: EmulatorRequest, query: ParsedQuery, ctx: ApiContext): RenderContext {
  return {
    origin: request.origin,
    mode: ctx.mode,
    organizationId: ctx.store.organization.id,
    fields: query.fields,
    include: query.include,
  };
}

function document(status: number, body: unknown): EmulatorResponse {
  return { status, body, contentType: JSONAPI_MEDIA_TYPE };
}
