// Pure mapping between BigCommerce's wire shapes and groupform's attributes. Values are normalised the way
// the platform echoes them (amounts as "5.0000" strings, rules in a canonical order, categories only for
// `specific` access), so `5` and "5.0000", or the same rules in another order, compare equal.
import type { Attributes, Json, LiveCustomer, LiveGroup } from '../../model.js';

/** The group fields this adapter manages, in the config's names (also BigCommerce's). */
export const MANAGED_FIELDS = ['name', 'is_default', 'is_group_for_guests', 'category_access', 'discount_rules'] as const;

type Obj = { [key: string]: Json };

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "A float … (Float, Float as String, Integer)": compared and sent with four decimals, as the API echoes. */
function formatAmount(value: Json | undefined): Json | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n.toFixed(4) : value;
}

const RULE_ORDER = ['price_list', 'all', 'category', 'product'];

function ruleTarget(rule: Obj): number {
  const id = rule.price_list_id ?? rule.category_id ?? rule.product_id;
  return typeof id === 'number' ? id : 0;
}

function normalizeRule(rule: Json): Json {
  if (!isObject(rule)) return rule;
  // A price-list rule is echoed with only `type` and `price_list_id`.
  if (rule.type === 'price_list') return { type: 'price_list', price_list_id: rule.price_list_id ?? null };
  const out: Obj = {};
  for (const key of Object.keys(rule).sort()) {
    const value = key === 'amount' ? formatAmount(rule[key]) : rule[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function normalizeRules(rules: Json): Json {
  if (!Array.isArray(rules)) return rules;
  return rules.map(normalizeRule).sort((a, b) => {
    if (!isObject(a) || !isObject(b)) return 0;
    const byType = RULE_ORDER.indexOf(String(a.type)) - RULE_ORDER.indexOf(String(b.type));
    return byType !== 0 ? byType : ruleTarget(a) - ruleTarget(b);
  });
}

function normalizeCategoryAccess(access: Json): Json {
  if (!isObject(access)) return access;
  if (access.type !== 'specific') return { type: access.type ?? null };
  const categories = Array.isArray(access.categories) ? [...new Set(access.categories)] : [];
  return { type: 'specific', categories: categories.sort((a, b) => Number(a) - Number(b)) };
}

/** Keeps the managed fields only (`description` is not a BigCommerce field) in their compared form. */
export function normalizeAttributes(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const field of MANAGED_FIELDS) {
    const value = attributes[field];
    if (value === undefined) continue;
    if (field === 'discount_rules') out[field] = normalizeRules(value);
    else if (field === 'category_access') out[field] = normalizeCategoryAccess(value);
    else out[field] = value;
  }
  return out;
}

/** An ISO 8601 time in UTC, as v3 sends `date_modified`: taken as it is (a million customers' dates are not re-made). */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/** v2 dates look like `2023-07-17 06:30:41` (UTC), v3 ones `2024-05-14T09:34:00Z`; the model wants ISO 8601. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (ISO_UTC.test(value)) return value;
  const parsed = Date.parse(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value) ? value.replace(' ', 'T') + 'Z' : value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/** A v2 `customerGroup_Full` as a live group; throws on a body that is not one. */
export function liveGroup(raw: unknown): LiveGroup {
  if (!isObject(raw) || typeof raw.id !== 'number' || typeof raw.name !== 'string') {
    throw new TypeError('the platform returned a customer group without a numeric id and a name');
  }
  const attributes: Attributes = {};
  for (const field of MANAGED_FIELDS) if (raw[field] !== undefined) attributes[field] = raw[field];
  const updatedAt = isoDate(raw.date_modified);
  return { id: String(raw.id), name: raw.name, attributes: normalizeAttributes(attributes), ...(updatedAt ? { updatedAt } : {}) };
}

/** A v3 `customer_Full` as a live customer: `customer_group_id` 0 means no group; `withTime`: keep `date_modified`. */
export function liveCustomer(raw: unknown, withTime = true): LiveCustomer {
  if (!isObject(raw) || typeof raw.id !== 'number' || typeof raw.email !== 'string') {
    throw new TypeError('the platform returned a customer without a numeric id and an e-mail');
  }
  const group = raw.customer_group_id;
  // A plain literal, the time added after: a spread in the literal gives every one of a million objects a slot more.
  const customer: LiveCustomer = {
    id: String(raw.id),
    email: raw.email.toLowerCase(),
    groupId: typeof group === 'number' && group !== 0 ? String(group) : null,
  };
  const updatedAt = withTime ? isoDate(raw.date_modified) : undefined;
  if (updatedAt) customer.updatedAt = updatedAt;
  return customer;
}

/** The v2 `customerGroup_Post_Put` body for the given (desired) attributes: only managed fields, normalised. */
export function groupBody(attributes: Attributes): Obj {
  return normalizeAttributes(attributes) as Obj;
}
