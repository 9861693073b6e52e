// The Commerce Layer emulator's state document (what `GET`/`PUT /_emulator/state` and seed files carry)
// and its validation: it accepts anything the platform itself could hold and nothing else.
import { StateValidationError } from '../common/state-file.js';
import type { JsonValue } from '../common/types.js';

export interface CommerceLayerOrganization {
  slug: string;
  id: string;
}

export interface CustomerGroupRecord {
  id: string;
  name: string;
  code: string | null;
  reference: string | null;
  reference_origin: string | null;
  metadata: { [key: string]: JsonValue };
  created_at: string;
  updated_at: string;
}

/** Customer statuses are computed by the platform from orders; the emulator only stores them. */
type CustomerStatus = 'prospect' | 'acquired' | 'repeat';

export interface CustomerRecord {
  id: string;
  /** Always lower case: see normalizeEmail. */
  email: string;
  customer_group_id: string | null;
  status: CustomerStatus;
  reference: string | null;
  reference_origin: string | null;
  metadata: { [key: string]: JsonValue };
  created_at: string;
  updated_at: string;
}

export interface CommerceLayerState {
  organization: CommerceLayerOrganization;
  customer_groups: CustomerGroupRecord[];
  customers: CustomerRecord[];
}

/** `code`: letters, digits, `_` and `-`, at most 25 (shared/providers §1.3). */
export const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;
export const CODE_MAX_LENGTH = 25;
/** CL ids are 10 letters (e.g. `xYZkjABcde`); generated ids follow suit. */
export const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const STATUSES: readonly CustomerStatus[] = ['prospect', 'acquired', 'repeat'];
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export function emptyCommerceLayerState(): CommerceLayerState {
  return { organization: { slug: 'sandbox', id: 'WrGkLmNoPq' }, customer_groups: [], customers: [] };
}

/**
 * Not documented, decided: the platform stores e-mails lower-cased (as Devise-style `case_insensitive_keys`
 * do), while Ransack's `_eq`/`_in` compare exactly. So a client must lower-case the addresses it filters by.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a state document and returns it normalised (optional fields filled, e-mails lower-cased).
 * Throws StateValidationError with every problem found. `now` stamps records that carry no timestamps.
 */
export function parseCommerceLayerState(raw: unknown, now: string = new Date().toISOString()): CommerceLayerState {
  const issues: string[] = [];
  const root = object(raw, 'state', issues, ['organization', 'customer_groups', 'customers']);
  if (!root) throw new StateValidationError(issues);

  const org = object(root.organization, 'organization', issues, ['slug', 'id']);
  const organization = {
    slug: text(org?.slug, 'organization.slug', issues, (s) => SLUG_PATTERN.test(s)),
    id: text(org?.id, 'organization.id', issues),
  };

  const groupIds = new Set<string>();
  const codes = new Set<string>();
  const customer_groups = list(root.customer_groups, 'customer_groups', issues).flatMap((item, i) => {
    const at = `customer_groups[${i}]`;
    const g = object(item, at, issues, [...GROUP_KEYS]);
    if (!g) return [];
    const group: CustomerGroupRecord = {
      id: uniqueId(g.id, `${at}.id`, groupIds, issues),
      name: text(g.name, `${at}.name`, issues),
      code: nullableText(g.code, `${at}.code`, issues, (c) => CODE_PATTERN.test(c) && c.length <= CODE_MAX_LENGTH),
      reference: nullableText(g.reference, `${at}.reference`, issues),
      reference_origin: nullableText(g.reference_origin, `${at}.reference_origin`, issues),
      metadata: metadata(g.metadata, `${at}.metadata`, issues),
      created_at: timestamp(g.created_at, `${at}.created_at`, issues, now),
      updated_at: timestamp(g.updated_at, `${at}.updated_at`, issues, now),
    };
    if (group.code !== null) {
      const key = group.code.toLowerCase();
      if (codes.has(key)) issues.push(`${at}.code: "${group.code}" is not unique (codes compare case-insensitively)`);
      codes.add(key);
    }
    return [group];
  });

  const customerIds = new Set<string>();
  const emails = new Set<string>();
  const customers = list(root.customers, 'customers', issues).flatMap((item, i) => {
    const at = `customers[${i}]`;
    const c = object(item, at, issues, [...CUSTOMER_KEYS]);
    if (!c) return [];
    const email = normalizeEmail(text(c.email, `${at}.email`, issues, (e) => e.includes('@')));
    if (email && emails.has(email)) issues.push(`${at}.email: "${email}" is not unique`);
    emails.add(email);
    const groupId = nullableText(c.customer_group_id, `${at}.customer_group_id`, issues);
    if (groupId !== null && !groupIds.has(groupId)) issues.push(`${at}.customer_group_id: no customer group "${groupId}"`);
    const customer: CustomerRecord = {
      id: uniqueId(c.id, `${at}.id`, customerIds, issues),
      email,
      customer_group_id: groupId,
      status: c.status === undefined ? 'prospect' : status(c.status, `${at}.status`, issues),
      reference: nullableText(c.reference, `${at}.reference`, issues),
      reference_origin: nullableText(c.reference_origin, `${at}.reference_origin`, issues),
      metadata: metadata(c.metadata, `${at}.metadata`, issues),
      created_at: timestamp(c.created_at, `${at}.created_at`, issues, now),
      updated_at: timestamp(c.updated_at, `${at}.updated_at`, issues, now),
    };
    return [customer];
  });

  if (issues.length) throw new StateValidationError(issues);
  return { organization, customer_groups, customers };
}

const GROUP_KEYS = ['id', 'name', 'code', 'reference', 'reference_origin', 'metadata', 'created_at', 'updated_at'] as const;
const CUSTOMER_KEYS = ['id', 'email', 'customer_group_id', 'status', 'reference', 'reference_origin', 'metadata', 'created_at', 'updated_at'] as const;

type Obj = Record<string, unknown>;

function object(value: unknown, at: string, issues: string[], keys: readonly string[]): Obj | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push(`${at}: must be an object`);
    return undefined;
  }
  for (const key of Object.keys(value)) if (!keys.includes(key)) issues.push(`${at}.${key}: unknown property`);
  return value as Obj;
}

function list(value: unknown, at: string, issues: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  issues.push(`${at}: must be an array`);
  return [];
}

function text(value: unknown, at: string, issues: string[], valid: (s: string) => boolean = (s) => s !== ''): string {
  if (typeof value === 'string' && valid(value)) return value;
  issues.push(`${at}: ${typeof value === 'string' ? `"${value}" is not valid` : 'must be a string'}`);
  return '';
}

function nullableText(value: unknown, at: string, issues: string[], valid?: (s: string) => boolean): string | null {
  return value === null || value === undefined ? null : text(value, at, issues, valid);
}

function uniqueId(value: unknown, at: string, seen: Set<string>, issues: string[]): string {
  const id = text(value, at, issues);
  if (id && seen.has(id)) issues.push(`${at}: "${id}" is used twice`);
  seen.add(id);
  return id;
}

function metadata(value: unknown, at: string, issues: string[]): { [key: string]: JsonValue } {
  if (value === undefined || value === null) return {};
  // A copy: the parsed state is the store's own, whatever the caller does with its document.
  if (typeof value === 'object' && !Array.isArray(value)) return structuredClone(value) as { [key: string]: JsonValue };
  issues.push(`${at}: must be an object`);
  return {};
}

function timestamp(value: unknown, at: string, issues: string[], now: string): string {
  if (value === undefined) return now;
  return text(value, at, issues, (s) => !Number.isNaN(Date.parse(s)));
}

function status(value: unknown, at: string, issues: string[]): CustomerStatus {
  if (STATUSES.includes(value as CustomerStatus)) return value as CustomerStatus;
  issues.push(`${at}: must be one of ${STATUSES.join(', ')}`);
  return 'prospect';
}
