// The customer endpoints groupform uses: list (paginated, filter by group), fetch, edit.
import type { XtrakitCustomer } from './state.js';
import type { XtrakitStore } from './store.js';
import type { Input } from './input.js';
import { fail, invalid, ok, type XtrakitResponse } from './envelope.js';
import { asInteger, email, integer, required, text, validate, type Rule } from './validate.js';

/** Laravel's default page size, and the cap on `per_page` (larger values are clamped, not refused). */
const DEFAULT_PER_PAGE = 15;
const MAX_PER_PAGE = 100;

/** `?customer_group_id=`, `?page=` (from 1) and `?per_page=`; the page comes with Laravel's paginator numbers. */
export function listCustomers(store: XtrakitStore, query: URLSearchParams): XtrakitResponse {
  const raw = query.get('customer_group_id');
  // An integer column compared with the value: `null` or a name matches no customer (no group is not a filter).
  const groupId = raw === null ? undefined : (asInteger(raw) ?? NaN);
  const matching = groupId === undefined ? store.state.customers : Number.isNaN(groupId) ? [] : store.inGroup(groupId);
  const perPage = Math.min(MAX_PER_PAGE, positive(query.get('per_page')) ?? DEFAULT_PER_PAGE);
  const page = positive(query.get('page')) ?? 1;
  const customers = matching.slice((page - 1) * perPage, page * perPage);
  const pagination = {
    total: matching.length,
    per_page: perPage,
    current_page: page,
    last_page: Math.max(1, Math.ceil(matching.length / perPage)),
  };
  return ok(`Customers found: ${matching.length}`, { customers, pagination });
}

export function fetchCustomer(store: XtrakitStore, id: number): XtrakitResponse {
  const customer = find(store, id);
  return customer ? ok('Customer found', { customer }) : notFound();
}

/** The fields the documentation marks required must be sent on every edit; others left out stay as they are. */
const editable: Record<string, Rule[]> = {
  customer_name: [required, text],
  customer_phone: [required, text],
  customer_country: [required, text],
  customer_city: [required, text],
  customer_state: [required, text],
  address1: [required, text],
  customer_email: [email, text],
  customer_whatsapp: [text],
  customer_zip: [text],
  address2: [text],
  customer_group_id: [integer],
};

export function editCustomer(store: XtrakitStore, id: number, input: Input): XtrakitResponse {
  const customer = find(store, id);
  if (!customer) return notFound();
  const groupExists: Rule = {
    kind: 'check',
    message: 'The selected :attribute is invalid.',
    test: (value) => store.state.customer_groups.some((g) => g.id === asInteger(value)),
  };
  const errors = validate(input, { ...editable, customer_group_id: [integer, groupExists] });
  if (Object.keys(errors).length) return invalid(errors);
  const record = customer as unknown as Record<string, unknown>;
  for (const field of Object.keys(editable)) {
    if (!(field in input)) continue;
    const value = input[field];
    // `null` (or an empty form field) clears the group: the platform's own "no group"
    record[field] = field === 'customer_group_id' && value !== null ? asInteger(value) : value;
  }
  customer.updated_at = store.now();
  if ('customer_group_id' in input) store.movedCustomers();
  return ok('Customer updated successfully', { customer });
}

function find(store: XtrakitStore, id: number): XtrakitCustomer | undefined {
  return store.customer(id);
}

function notFound(): XtrakitResponse {
  return fail(404, 'Customer not found');
}

function positive(value: string | null): number | undefined {
  const n = asInteger(value ?? undefined);
  return n !== undefined && n >= 1 ? n : undefined;
}
