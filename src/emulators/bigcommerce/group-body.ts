// Validation of a v2 customer group body (POST and PUT), as customers.v2.yml and its notes describe it.
// Field errors answer 400 with the v2 error body; uniqueness conflicts are checked by the caller (409).
import { fail } from './errors.js';
import type { CategoryAccess, CustomerGroupRecord, DiscountMethod, DiscountRule } from './state.js';

export type GroupFields = Partial<Pick<CustomerGroupRecord, 'name' | 'is_default' | 'is_group_for_guests' | 'category_access' | 'discount_rules'>>;

/** Not documented for groups in customers.v2.yml: decided, as customers.v3.yml's 255-character name fields suggest. */
const NAME_MAX_LENGTH = 255;
const WRITABLE = new Set(['name', 'is_default', 'is_group_for_guests', 'category_access', 'discount_rules']);
const METHODS: readonly string[] = ['percent', 'fixed', 'price'] satisfies DiscountMethod[];

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

/** Checks a body and returns the fields it sets. `name` is required on create only. */
export function parseGroupBody(body: unknown, mode: 'create' | 'update'): GroupFields {
  if (!isObject(body)) fail(400, 'The request body must be a JSON object.');
  for (const key of Object.keys(body)) {
    // Read-only (id, dates) and unknown fields are refused rather than ignored, so a client mistake shows.
    if (!WRITABLE.has(key)) fail(400, `The field '${key}' is not valid or is read-only.`);
  }
  const fields: GroupFields = {};
  if (body.name !== undefined) {
    if (typeof body.name !== 'string' || body.name.trim() === '') fail(400, "The field 'name' must be a non-empty string.");
    // Characters, not UTF-16 units (as a utf8mb4 VARCHAR counts them): an emoji is one.
    if ([...body.name].length > NAME_MAX_LENGTH) fail(400, `The field 'name' cannot be longer than ${NAME_MAX_LENGTH} characters.`);
    fields.name = body.name;
  } else if (mode === 'create') {
    fail(400, "The required field 'name' was not supplied.");
  }
  for (const flag of ['is_default', 'is_group_for_guests'] as const) {
    if (body[flag] === undefined) continue;
    if (typeof body[flag] !== 'boolean') fail(400, `The field '${flag}' must be a boolean.`);
    fields[flag] = body[flag];
  }
  if (body.category_access !== undefined) fields.category_access = parseCategoryAccess(body.category_access);
  if (body.discount_rules !== undefined) fields.discount_rules = parseDiscountRules(body.discount_rules);
  return fields;
}

function parseCategoryAccess(value: unknown): CategoryAccess {
  if (!isObject(value) || !['all', 'specific', 'none'].includes(value.type as string)) {
    fail(400, "The field 'category_access.type' must be one of all, specific, none.");
  }
  const type = value.type as CategoryAccess['type'];
  if (type !== 'specific') {
    // "categories … should be supplied only if type is specific".
    if (value.categories !== undefined && !(Array.isArray(value.categories) && value.categories.length === 0)) {
      fail(400, "The field 'category_access.categories' may only be supplied when type is 'specific'.");
    }
    return { type };
  }
  if (!Array.isArray(value.categories) || !value.categories.every(isPositiveInt)) {
    fail(400, "The field 'category_access.categories' must be an array of category ids when type is 'specific'.");
  }
  return { type, categories: [...new Set(value.categories as number[])] };
}

/**
 * customers.v2.yml declares `amount` as `type: string` ("Float as String", e.g. "5"): a JSON number is refused,
 * so a client that sends one fails here rather than only against the schema. Echoed with four decimals.
 */
function formatAmount(value: unknown, where: string): string {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0) fail(400, `The field '${where}.amount' must be a non-negative number given as a string.`);
  return n.toFixed(4);
}

function parseDiscountRules(value: unknown): DiscountRule[] {
  if (!Array.isArray(value)) fail(400, "The field 'discount_rules' must be an array.");
  const rules = value.map((rule, i) => parseRule(rule, `discount_rules[${i}]`));
  // "If you select price_list, it must be the only rule … you can only have a single all rule."
  if (rules.some((r) => r.type === 'price_list') && rules.length > 1) {
    fail(400, 'A price_list discount rule must be the only discount rule of the group.');
  }
  if (rules.filter((r) => r.type === 'all').length > 1) {
    fail(400, "A customer group can have only one discount rule of type 'all'.");
  }
  return rules;
}

function parseRule(rule: unknown, where: string): DiscountRule {
  if (!isObject(rule)) fail(400, `The field '${where}' must be an object.`);
  const allowed: Record<string, string[]> = {
    price_list: ['type', 'price_list_id'],
    all: ['type', 'method', 'amount'],
    category: ['type', 'method', 'amount', 'category_id'],
    product: ['type', 'method', 'amount', 'product_id'],
  };
  const type = rule.type as string;
  const keys = allowed[type];
  if (!keys) fail(400, `The field '${where}.type' must be one of price_list, all, category, product.`);
  for (const key of Object.keys(rule)) {
    if (!keys.includes(key)) fail(400, `The field '${where}.${key}' is not valid for a '${type}' rule.`);
  }
  if (type === 'price_list') {
    if (!isPositiveInt(rule.price_list_id)) fail(400, `The field '${where}.price_list_id' must be a price list id.`);
    return { type, price_list_id: rule.price_list_id };
  }
  if (!METHODS.includes(rule.method as string)) fail(400, `The field '${where}.method' must be one of percent, fixed, price.`);
  const method = rule.method as DiscountMethod;
  const amount = formatAmount(rule.amount, where);
  if (type === 'all') return { type, method, amount };
  const idKey = type === 'category' ? 'category_id' : 'product_id';
  const id = rule[idKey];
  if (!isPositiveInt(id)) fail(400, `The field '${where}.${idKey}' must be a ${type} id.`);
  return type === 'category' ? { type, method, amount, category_id: id } : { type: 'product', method, amount, product_id: id };
}
