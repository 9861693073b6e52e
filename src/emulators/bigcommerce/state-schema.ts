// Validation of a whole emulator state (a seed file, or `PUT /_emulator/state`): its shape by JSON Schema,
// then the references between records. Every problem is reported at once.
import { Ajv } from 'ajv';
import { StateValidationError } from '../common/state-file.js';
import { nextId, type BigCommerceState } from './state.js';

const amount = { type: 'string', pattern: '^\\d+(\\.\\d+)?$' };
const method = { enum: ['percent', 'fixed', 'price'] };
const id = { type: 'integer', minimum: 1 };

const schema = {
  type: 'object',
  required: ['stores'],
  additionalProperties: false,
  properties: {
    stores: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['customer_groups', 'customers'],
        additionalProperties: false,
        properties: {
          next_customer_group_id: id,
          customer_groups: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'name', 'is_default', 'is_group_for_guests', 'category_access', 'discount_rules', 'date_created', 'date_modified'],
              properties: {
                id,
                name: { type: 'string', minLength: 1 },
                is_default: { type: 'boolean' },
                is_group_for_guests: { type: 'boolean' },
                category_access: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type'],
                  properties: { type: { enum: ['all', 'specific', 'none'] }, categories: { type: 'array', items: id } },
                },
                discount_rules: {
                  type: 'array',
                  items: {
                    oneOf: [
                      {
                        type: 'object',
                        additionalProperties: false,
                        required: ['type', 'price_list_id'],
                        properties: { type: { const: 'price_list' }, price_list_id: id },
                      },
                      {
                        type: 'object',
                        additionalProperties: false,
                        required: ['type', 'method', 'amount'],
                        properties: { type: { const: 'all' }, method, amount },
                      },
                      {
                        type: 'object',
                        additionalProperties: false,
                        required: ['type', 'method', 'amount', 'category_id'],
                        properties: { type: { const: 'category' }, method, amount, category_id: id },
                      },
                      {
                        type: 'object',
                        additionalProperties: false,
                        required: ['type', 'method', 'amount', 'product_id'],
                        properties: { type: { const: 'product' }, method, amount, product_id: id },
                      },
                    ],
                  },
                },
                date_created: { type: 'string' },
                date_modified: { type: 'string' },
              },
            },
          },
          customers: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'email', 'first_name', 'last_name', 'customer_group_id', 'date_created', 'date_modified'],
              properties: {
                id,
                email: { type: 'string', minLength: 3 },
                first_name: { type: 'string' },
                last_name: { type: 'string' },
                customer_group_id: { type: 'integer', minimum: 0 },
                date_created: { type: 'string' },
                date_modified: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile(schema);

/** Each value used more than once, once; one pass, for states of a million customers. */
function duplicates(values: readonly (string | number)[]): (string | number)[] {
  const seen = new Set<string | number>();
  const repeated = new Set<string | number>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

/** Checks a state document and returns it typed; throws StateValidationError listing every problem. */
export function parseBigCommerceState(raw: unknown): BigCommerceState {
  if (!validate(raw)) {
    throw new StateValidationError((validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`));
  }
  const state = raw as unknown as BigCommerceState;
  const issues: string[] = [];
  for (const [hash, store] of Object.entries(state.stores)) {
    const groupIds = store.customer_groups.map((g) => g.id);
    const known = new Set(groupIds);
    for (const dup of duplicates(groupIds)) issues.push(`store ${hash}: customer group id ${dup} is used twice`);
    const highest = nextId(store.customer_groups) - 1;
    if (store.next_customer_group_id !== undefined && store.next_customer_group_id <= highest) {
      issues.push(`store ${hash}: next_customer_group_id ${store.next_customer_group_id} is not above the highest group id ${highest}`);
    }
    for (const dup of duplicates(store.customers.map((c) => c.id))) issues.push(`store ${hash}: customer id ${dup} is used twice`);
    for (const dup of duplicates(store.customers.map((c) => c.email.toLowerCase()))) issues.push(`store ${hash}: e-mail ${dup} is used twice`);
    for (const c of store.customers) {
      if (c.customer_group_id !== 0 && !known.has(c.customer_group_id)) {
        issues.push(`store ${hash}: customer ${c.id} is in group ${c.customer_group_id}, which does not exist`);
      }
    }
  }
  if (issues.length) throw new StateValidationError(issues);
  return structuredClone(state);
}
