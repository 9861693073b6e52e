// v2 `customer_groups`: list (a bare JSON array), count, retrieve, create (200), update (PUT replaces the
// whole discount rule set), delete (204; the group's customers are unassigned).
import { customerIndex } from './customer-index.js';
import { fail } from './errors.js';
import { parseGroupBody, type GroupFields } from './group-body.js';
import { parsePage, slicePage } from './paging.js';
import { v2Date, v3Date, type CustomerGroupRecord, type DiscountRule, type StoreState } from './state.js';

export interface Answer {
  status: number;
  body?: unknown;
}

export interface GroupOptions {
  /** Simulates the documented 207: "the sitewide discount update failed": the `all` rule is not saved. */
  sitewideDiscountFails: boolean;
  now: () => Date;
}

const LIST_FILTERS = new Set(['page', 'limit', 'name', 'name:like', 'is_default', 'is_group_for_guests']);

function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw !== 'true' && raw !== 'false') fail(400, `The query parameter '${name}' must be true or false.`);
  return raw === 'true';
}

export function listGroups(store: StoreState, query: URLSearchParams): Answer {
  for (const key of query.keys()) {
    // The date filters exist on the platform but are not emulated: refuse them rather than ignore them.
    if (!LIST_FILTERS.has(key)) fail(400, `The query parameter '${key}' is not supported.`);
  }
  const page = parsePage(query, 400);
  const name = query.get('name');
  const like = query.get('name:like')?.toLowerCase();
  const isDefault = booleanParam(query, 'is_default');
  const forGuests = booleanParam(query, 'is_group_for_guests');
  const matching = store.customer_groups
    .filter((g) => name === null || g.name === name)
    .filter((g) => like === undefined || g.name.toLowerCase().includes(like))
    .filter((g) => isDefault === undefined || g.is_default === isDefault)
    .filter((g) => forGuests === undefined || g.is_group_for_guests === forGuests)
    .sort((a, b) => a.id - b.id);
  // The spec answers 200 with an array; an empty page is `[]` here (the platform sometimes sends 204).
  return { status: 200, body: slicePage(matching, page) };
}

export function countGroups(store: StoreState): Answer {
  return { status: 200, body: { count: store.customer_groups.length } };
}

function findGroup(store: StoreState, rawId: string): CustomerGroupRecord {
  const group = /^\d+$/.test(rawId) ? store.customer_groups.find((g) => g.id === Number(rawId)) : undefined;
  if (!group) fail(404, 'The requested resource was not found.');
  return group;
}

export function getGroup(store: StoreState, rawId: string): Answer {
  return { status: 200, body: findGroup(store, rawId) };
}

/**
 * Name uniqueness is not documented; like the control panel, this emulator refuses an exact duplicate (409).
 * Several `is_default` groups are allowed: nothing documents otherwise.
 */
function checkConflicts(store: StoreState, fields: GroupFields, selfId: number | null): void {
  const others = store.customer_groups.filter((g) => g.id !== selfId);
  if (fields.name !== undefined && others.some((g) => g.name === fields.name)) {
    fail(409, `A customer group named '${fields.name}' already exists.`);
  }
  // "There can only be one customer group for guests at a time."
  if (fields.is_group_for_guests && others.some((g) => g.is_group_for_guests)) {
    fail(409, 'There can only be one customer group for guests at a time.');
  }
}

/**
 * When the sitewide update is set to fail and the body sets an `all` rule, the other rules are saved but the
 * group keeps the `all` rule it had (none on create). Says whether it failed.
 */
function sitewideFailed(fields: GroupFields, previous: DiscountRule[], options: GroupOptions): boolean {
  if (!options.sitewideDiscountFails || !fields.discount_rules?.some((r) => r.type === 'all')) return false;
  fields.discount_rules = [...fields.discount_rules.filter((r) => r.type !== 'all'), ...previous.filter((r) => r.type === 'all')];
  return true;
}

function partial(action: string): Answer {
  return {
    status: 207,
    body: { status: 207, message: `The customer group was ${action}, but the sitewide discount update failed. You may retry the request.` },
  };
}

export function createGroup(store: StoreState, body: unknown, options: GroupOptions & { id: () => number }): Answer {
  const fields = parseGroupBody(body, 'create');
  checkConflicts(store, fields, null);
  const failed = sitewideFailed(fields, [], options);
  const date = v2Date(options.now());
  const group: CustomerGroupRecord = {
    id: options.id(),
    name: fields.name as string,
    is_default: fields.is_default ?? false,
    is_group_for_guests: fields.is_group_for_guests ?? false,
    category_access: fields.category_access ?? { type: 'all' },
    discount_rules: fields.discount_rules ?? [],
    date_created: date,
    date_modified: date,
  };
  store.customer_groups.push(group);
  return failed ? partial('created') : { status: 200, body: group };
}

export function updateGroup(store: StoreState, rawId: string, body: unknown, options: GroupOptions): Answer {
  const group = findGroup(store, rawId);
  const fields = parseGroupBody(body ?? {}, 'update');
  checkConflicts(store, fields, group.id);
  const failed = sitewideFailed(fields, group.discount_rules, options);
  // Fields not sent are kept; `discount_rules`, when sent, replaces the whole set.
  Object.assign(group, fields, { date_modified: v2Date(options.now()) });
  return failed ? partial('updated') : { status: 200, body: group };
}

export function deleteGroup(store: StoreState, rawId: string, now: () => Date): Answer {
  const group = findGroup(store, rawId);
  store.customer_groups = store.customer_groups.filter((g) => g !== group);
  // "All existing customers are unassigned from the group when it is deleted."
  const date = v3Date(now());
  const index = customerIndex(store);
  for (const customer of [...index.inGroup(group.id)]) {
    Object.assign(customer, { customer_group_id: 0, date_modified: date });
    index.moved(customer, group.id);
  }
  return { status: 204 };
}
