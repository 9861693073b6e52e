// The customer-group endpoints: list, fetch, add, edit, delete.
import type { XtrakitGroup } from './state.js';
import type { XtrakitStore } from './store.js';
import type { Input } from './input.js';
import { fail, invalid, ok, type XtrakitResponse } from './envelope.js';
import { required, text, validate, type Rule } from './validate.js';

export function listGroups(store: XtrakitStore): XtrakitResponse {
  const groups = store.state.customer_groups;
  return ok(`Groups found: ${groups.length}`, { groups });
}

export function fetchGroup(store: XtrakitStore, id: number): XtrakitResponse {
  const group = find(store, id);
  return group ? ok('Group found', { group }) : notFound();
}

export function addGroup(store: XtrakitStore, input: Input): XtrakitResponse {
  const errors = validate(input, rules(store, null));
  if (Object.keys(errors).length) return invalid(errors);
  const now = store.now();
  const group: XtrakitGroup = {
    id: store.takeGroupId(),
    user_id: store.state.user_id,
    business_code: store.state.business_code,
    group_name: input.group_name as string,
    group_description: (input.group_description as string | null | undefined) ?? null,
    created_at: now,
    updated_at: now,
  };
  store.state.customer_groups.push(group);
  return ok('Group added successfully', { group });
}

/** `group_name` is required even when unchanged; a `group_description` left out is left as it is. */
export function editGroup(store: XtrakitStore, id: number, input: Input): XtrakitResponse {
  const group = find(store, id);
  if (!group) return notFound();
  const errors = validate(input, rules(store, id));
  if (Object.keys(errors).length) return invalid(errors);
  group.group_name = input.group_name as string;
  if ('group_description' in input) group.group_description = input.group_description as string | null;
  group.updated_at = store.now();
  return ok('Group updated successfully', { group });
}

/** Deleting a group leaves its customers in no group, as a nullable foreign key with `ON DELETE SET NULL`. */
export function deleteGroup(store: XtrakitStore, id: number): XtrakitResponse {
  const group = find(store, id);
  if (!group) return notFound();
  const state = store.state;
  state.customer_groups = state.customer_groups.filter((g) => g !== group);
  const now = store.now();
  for (const customer of store.inGroup(id)) {
    customer.customer_group_id = null;
    customer.updated_at = now;
  }
  store.movedCustomers();
  return ok('Group deleted successfully');
}

function find(store: XtrakitStore, id: number): XtrakitGroup | undefined {
  return store.state.customer_groups.find((g) => g.id === id);
}

function notFound(): XtrakitResponse {
  return fail(404, 'Group not found');
}

/** Names are unique within the business, ignoring case as MySQL's default collation does. */
function rules(store: XtrakitStore, self: number | null): Record<string, Rule[]> {
  const unique: Rule = {
    kind: 'check',
    message: 'The :attribute has already been taken.',
    test: (value) => !store.state.customer_groups.some((g) => g.id !== self && g.group_name.toLowerCase() === String(value).toLowerCase()),
  };
  return {
    group_name: [required, text, unique],
    group_description: [{ kind: 'string', max: 1000 }],
  };
}
