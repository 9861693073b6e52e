// The Xtrakit emulator's state document (what `/_emulator/state` and seed files carry): one business with its
// customer groups and customers, in the platform's own field names. Seeds may leave out any field but a
// group's name; ids are then numbered after the highest given and timestamps set to now.
import { randomUUID } from 'node:crypto';
import { StateValidationError } from '../common/state-file.js';

export interface XtrakitGroup {
  id: number;
  user_id: string;
  business_code: string;
  group_name: string;
  group_description: string | null;
  /** `YYYY-MM-DD HH:MM:SS`, UTC. */
  created_at: string;
  updated_at: string;
}

export interface XtrakitCustomer {
  id: number;
  user_id: string;
  business_code: string;
  customer_group_id: number | null;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  customer_whatsapp: string | null;
  customer_country: string | null;
  customer_city: string | null;
  customer_state: string | null;
  customer_zip: string | null;
  address1: string | null;
  address2: string | null;
  customer_profile: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface XtrakitState {
  business_code: string;
  user_id: string;
  customer_groups: XtrakitGroup[];
  customers: XtrakitCustomer[];
}

const CUSTOMER_TEXT = [
  'customer_name',
  'customer_email',
  'customer_phone',
  'customer_whatsapp',
  'customer_country',
  'customer_city',
  'customer_state',
  'customer_zip',
  'address1',
  'address2',
  'customer_profile',
  'created_by',
] as const;
const OWNER = ['user_id', 'business_code', 'created_at', 'updated_at'] as const;
const GROUP_KEYS = new Set(['id', 'group_name', 'group_description', ...OWNER]);
const CUSTOMER_KEYS = new Set(['id', 'customer_group_id', ...CUSTOMER_TEXT, ...OWNER]);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The platform's timestamp format, `YYYY-MM-DD HH:MM:SS` (taken as UTC: the documentation names no zone). */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The next free id after the records' highest (auto-increment). */
export function nextId(records: readonly { id: number }[]): number {
  return records.reduce((max, r) => Math.max(max, r.id), 0) + 1;
}

/** Checks a state document and fills what it leaves out; throws StateValidationError with every problem. */
export function parseXtrakitState(raw: unknown, now: string): XtrakitState {
  const issues: string[] = [];
  const root = object(raw, 'state', issues, new Set(['business_code', 'user_id', 'customer_groups', 'customers']));
  if (!root) throw new StateValidationError(issues);
  const business_code = optionalText(root.business_code, 'business_code', issues) ?? 'XK1001';
  const user_id = optionalText(root.user_id, 'user_id', issues) ?? randomUUID();
  const defaults = { user_id, business_code, created_at: now, updated_at: now };

  const groupRows = list(root.customer_groups, 'customer_groups', issues, GROUP_KEYS);
  const groupIds = ids(groupRows, 'customer_groups', issues);
  const customer_groups = groupRows.map((g, i): XtrakitGroup => {
    const at = `customer_groups[${i}]`;
    if (typeof g.group_name !== 'string' || !g.group_name.trim()) issues.push(`${at}.group_name: a non-empty string is required`);
    checkText(g, at, ['group_description'], issues, true);
    checkText(g, at, OWNER, issues, false);
    return { ...defaults, group_description: null, ...g, id: groupIds[i]! } as XtrakitGroup;
  });

  const customerRows = list(root.customers, 'customers', issues, CUSTOMER_KEYS);
  const customerIds = ids(customerRows, 'customers', issues);
  const known = new Set(groupIds);
  const customers = customerRows.map((c, i): XtrakitCustomer => {
    const at = `customers[${i}]`;
    const group = c.customer_group_id ?? null;
    if (group !== null && !known.has(group as number)) issues.push(`${at}.customer_group_id: no customer group ${JSON.stringify(group)}`);
    checkText(c, at, CUSTOMER_TEXT, issues, true);
    checkText(c, at, OWNER, issues, false);
    return customerRecord(c, defaults, group as number | null, customerIds[i]!);
  });

  if (issues.length) throw new StateValidationError(issues);
  return { business_code, user_id, customer_groups, customers };
}

type Rec = Record<string, unknown>;

/**
 * A customer with what its row leaves out filled in, its fields always in one order. Built as one literal
 * (not spreads) so that a million of them share one shape and load in seconds.
 */
function customerRecord(row: Rec, defaults: Record<(typeof OWNER)[number], string>, group: number | null, id: number): XtrakitCustomer {
  const given = (field: string, fallback: string | null): string | null => (row[field] === undefined ? fallback : (row[field] as string | null));
  return {
    user_id: given('user_id', defaults.user_id)!,
    business_code: given('business_code', defaults.business_code)!,
    created_at: given('created_at', defaults.created_at)!,
    updated_at: given('updated_at', defaults.updated_at)!,
    customer_name: given('customer_name', null),
    customer_email: given('customer_email', null),
    customer_phone: given('customer_phone', null),
    customer_whatsapp: given('customer_whatsapp', null),
    customer_country: given('customer_country', null),
    customer_city: given('customer_city', null),
    customer_state: given('customer_state', null),
    customer_zip: given('customer_zip', null),
    address1: given('address1', null),
    address2: given('address2', null),
    customer_profile: given('customer_profile', null),
    created_by: given('created_by', null),
    id,
    customer_group_id: group,
  };
}

function object(value: unknown, at: string, issues: string[], keys: Set<string>): Rec | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(`${at}: an object is required`);
    return undefined;
  }
  for (const key of Object.keys(value)) if (!keys.has(key)) issues.push(`${at}.${key}: unknown field`);
  return value as Rec;
}

function list(value: unknown, at: string, issues: string[], keys: Set<string>): Rec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(`${at}: an array is required`);
    return [];
  }
  return value.flatMap((item: unknown, i) => {
    const row = object(item, `${at}[${i}]`, issues, keys);
    return row ? [row] : [];
  });
}

/** Each record's id: the one given (a positive integer, unique) or the next after the highest. */
function ids(rows: Rec[], at: string, issues: string[]): number[] {
  const given = rows.map((r) => r.id).filter((id): id is number => Number.isInteger(id) && (id as number) > 0);
  let next = nextId(given.map((id) => ({ id })));
  const seen = new Set<number>();
  return rows.map((r, i) => {
    if (r.id === undefined) return next++;
    const id = r.id as number;
    if (!Number.isInteger(id) || id <= 0) issues.push(`${at}[${i}].id: a positive integer is required`);
    else if (seen.has(id)) issues.push(`${at}[${i}].id: ${id} is not unique`);
    seen.add(id);
    return id;
  });
}

function checkText(row: Rec, at: string, fields: readonly string[], issues: string[], nullable: boolean): void {
  for (const field of fields) {
    const value = row[field];
    if (value === undefined || (nullable && value === null)) continue;
    if (typeof value !== 'string') issues.push(`${at}.${field}: a string${nullable ? ' or null' : ''} is required`);
    else if ((field === 'created_at' || field === 'updated_at') && !TIMESTAMP.test(value)) {
      issues.push(`${at}.${field}: "${value}" is not YYYY-MM-DD HH:MM:SS`);
    }
  }
}

function optionalText(value: unknown, at: string, issues: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim()) return value;
  issues.push(`${at}: a non-empty string is required`);
  return undefined;
}
