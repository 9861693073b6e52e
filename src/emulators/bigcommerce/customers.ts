// v3 `customers`: the filtered, paginated list and the batch update (an array of at most 10 customers).
// Only the fields groupform's state holds are emulated; the rest of customer_Put is refused with a 422
// rather than silently dropped, so a client relying on one learns it here. Answers carry every field of
// customer_Full (without the `include` lists) all the same, the others at a new customer's values: a page
// weighs what the platform's does (about 2.5 times the fields groupform reads), and so do a big read's costs.
import { customerIndex } from './customer-index.js';
import { fail } from './errors.js';
import type { Answer } from './groups.js';
import { parsePage, slicePage, v3Pagination } from './paging.js';
import { v3Date, type CustomerRecord, type StoreState } from './state.js';

const MAX_BATCH = 10;

const LIST_PARAMS = new Set(['page', 'limit', 'id:in', 'email:in', 'customer_group_id:in']);
const READ_ONLY = new Set(['registration_ip_address', 'date_created', 'date_modified', 'origin_channel_id']);
const UPDATABLE = new Set(['id', 'email', 'first_name', 'last_name', 'customer_group_id']);

/** `style: form, explode: false`: one parameter, values separated by commas. */
function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  return raw === null
    ? undefined
    : raw
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
}

function intListParam(query: URLSearchParams, name: string): Set<number> | undefined {
  const values = listParam(query, name);
  if (values === undefined) return undefined;
  if (!values.every((v) => /^\d+$/.test(v)))
    fail(422, `The filter '${name}' must be a list of integers.`, { fields: { [name]: 'must be a list of integers' } });
  return new Set(values.map(Number));
}

export function listCustomers(store: StoreState, query: URLSearchParams): Answer {
  for (const key of query.keys()) {
    if (!LIST_PARAMS.has(key)) fail(422, `The query parameter '${key}' is not supported.`, { fields: { [key]: 'not supported' } });
  }
  const page = parsePage(query, 422);
  const ids = intListParam(query, 'id:in');
  const groups = intListParam(query, 'customer_group_id:in');
  // E-mail addresses compare case-insensitively, as the storefront's logins do.
  const emails = listParam(query, 'email:in')?.map((e) => e.toLowerCase());
  const matching = customerIndex(store).matching({ ids, groups, emails });
  const data = slicePage(matching, page).map(customerFull);
  return { status: 200, body: { data, meta: { pagination: v3Pagination(matching.length, data.length, page, query) } } };
}

/** A customer as the platform answers it: customer_Full's fields, in its documentation's order. */
function customerFull(customer: CustomerRecord): Record<string, unknown> {
  return {
    id: customer.id,
    authentication: { force_password_reset: false },
    company: '',
    customer_group_id: customer.customer_group_id,
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
    notes: '',
    phone: '',
    registration_ip_address: '',
    tax_exempt_category: '',
    date_created: customer.date_created,
    date_modified: customer.date_modified,
    accepts_product_review_abandoned_cart_emails: false,
    store_credit_amounts: [{ amount: 0 }],
    origin_channel_id: 1,
    channel_ids: [1],
    address_count: 0,
    attribute_count: 0,
  };
}

type Update = Partial<CustomerRecord> & { id: number };

function parseItem(item: unknown, index: number, store: StoreState): Update {
  const bad = (field: string, message: string): never => fail(422, 'The customers could not be updated.', { fields: { [`${index}.${field}`]: message } });
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return bad('id', 'Each item must be an object.');
  const record = item as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (READ_ONLY.has(key)) bad(key, `'${key}' is read-only.`);
    if (!UPDATABLE.has(key)) bad(key, `'${key}' cannot be updated on this emulator.`);
  }
  const customers = customerIndex(store);
  if (!Number.isInteger(record.id) || customers.byId(record.id as number) === undefined) bad('id', 'Customer not found.');
  const group = record.customer_group_id;
  // customer_group_id 0 means "not in a group".
  if (group !== undefined && (!Number.isInteger(group) || (group !== 0 && !store.customer_groups.some((g) => g.id === group)))) {
    bad('customer_group_id', 'Customer group does not exist.');
  }
  for (const key of ['email', 'first_name', 'last_name'] as const) {
    if (record[key] !== undefined && (typeof record[key] !== 'string' || record[key] === '')) bad(key, `'${key}' must be a non-empty string.`);
  }
  if (typeof record.email === 'string') {
    const holder = customers.byEmail(record.email);
    if (holder !== undefined && holder.id !== record.id) bad('email', 'Email is already in use.');
  }
  return record as Update;
}

/** The batch is all or nothing: every item is checked before any is written. */
export function updateCustomers(store: StoreState, body: unknown, now: () => Date): Answer {
  if (!Array.isArray(body)) fail(422, 'The request body must be an array of customers.', { fields: { body: 'must be an array' } });
  if (body.length > MAX_BATCH) fail(413, `The request payload is too large. The maximum number of items allowed in the array is ${MAX_BATCH}.`);
  const updates = body.map((item, i) => parseItem(item, i, store));
  const date = v3Date(now());
  const index = customerIndex(store);
  const data = updates.map((update) => {
    const customer = index.byId(update.id) as CustomerRecord;
    const { customer_group_id: group, email } = customer;
    Object.assign(customer, update, { date_modified: date });
    if (customer.customer_group_id !== group) index.moved(customer, group);
    if (customer.email !== email) index.renamed(customer, email);
    return customerFull(customer);
  });
  return { status: 200, body: { data, meta: {} } };
}
