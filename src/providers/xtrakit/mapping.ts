// Between Xtrakit's records and groupform's model: `name` ↔ `group_name`, `description` ↔ `group_description`.
import type { Attributes, Json, LiveCustomer, LiveGroup } from '../../model.js';
import type { Row } from './pages.js';

/** The fields the edit-customer page marks required: every edit must carry them, so they are re-sent as read. */
const REQUIRED_CUSTOMER_FIELDS = ['customer_name', 'customer_phone', 'customer_country', 'customer_city', 'customer_state', 'address1'] as const;

/**
 * Its optional fields are re-sent as read too, when they hold a value: the PUT may replace the whole record
 * (DESIGN.md: Xtrakit "demands the whole record"), and a field left out would then be erased. An empty one is
 * left out: the platform turns an empty string into null, and leaving it out changes nothing under either reading.
 */
const OPTIONAL_CUSTOMER_FIELDS = ['customer_email', 'customer_whatsapp', 'customer_zip', 'address2'] as const;

/** A group record as a live group; undefined for a row without an id. */
export function toLiveGroup(row: Row): LiveGroup | undefined {
  const id = idOf(row.id);
  if (id === undefined) return undefined;
  const name = typeof row.group_name === 'string' ? row.group_name : '';
  return {
    id,
    name,
    attributes: { name, description: typeof row.group_description === 'string' ? row.group_description : null },
    updatedAt: isoTime(row.updated_at),
  };
}

/** A customer record as a live customer: e-mail lower-cased (absent: empty), group id as a string or null; `withTime`: keep `updated_at`. */
export function toLiveCustomer(row: Row, withTime = true): LiveCustomer | undefined {
  const id = idOf(row.id);
  if (id === undefined) return undefined;
  const email = typeof row.customer_email === 'string' ? row.customer_email.trim().toLowerCase() : '';
  const customer: LiveCustomer = { id, email, groupId: groupIdOf(row.customer_group_id) };
  if (withTime) customer.updatedAt = isoTime(row.updated_at);
  return customer;
}

/** `0`, `""` and null all read as "in no group": the documentation does not say which one the platform uses. */
export function groupIdOf(value: unknown): string | null {
  const id = idOf(value);
  return id === undefined || id === '0' ? null : id;
}

/** Declared fields as the platform echoes them: strings trimmed, an empty description stored as null. */
export function normalize(attributes: Attributes): Attributes {
  const out: Attributes = { ...attributes };
  if (typeof out.name === 'string') out.name = out.name.trim();
  if ('description' in out) out.description = blankToNull(out.description);
  return out;
}

/**
 * The body of a group create or edit. `group_name` is required on both, so an edit that does not change the
 * name re-sends the current one; an undeclared description is re-sent as read, whatever PUT does with a
 * missing field.
 */
export function groupBody(after: Attributes, current?: Row): Record<string, Json> {
  const body: Record<string, Json> = { group_name: (after.name ?? current?.group_name ?? null) as Json };
  if ('description' in after) body.group_description = after.description ?? null;
  else if (current && 'group_description' in current) body.group_description = current.group_description as Json;
  return body;
}

/** The body of a membership change: the customer's fields exactly as read, and the new group (null: none). */
export function membershipBody(current: Row, groupId: string | null): Record<string, Json> {
  const body: Record<string, Json> = {};
  for (const field of REQUIRED_CUSTOMER_FIELDS) if (field in current) body[field] = current[field] as Json;
  for (const field of OPTIONAL_CUSTOMER_FIELDS) {
    const value = current[field];
    if (value !== undefined && value !== null && value !== '') body[field] = value as Json;
  }
  // ids are integers on Xtrakit; one that is not is sent as it came rather than guessed at
  body.customer_group_id = groupId === null ? null : /^\d+$/.test(groupId) ? Number(groupId) : groupId;
  return body;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function blankToNull(value: Json | undefined): Json {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value.trim() || null : value;
}

/** `YYYY-MM-DD HH:MM:SS` (taken as UTC, no zone is documented) to ISO 8601; other forms pass through. */
function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value);
  return match ? `${match[1]}T${match[2]}Z` : value;
}
