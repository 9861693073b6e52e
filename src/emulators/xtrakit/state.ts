// The Xtrakit emulator's state: one business with its customer groups and customers, in the platform's
// own field names, as JSON that can be seeded from and persisted to a file.
import { randomUUID } from 'node:crypto';

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

/** What a seed file may give: any record field left out takes its default. */
export interface XtrakitSeed {
  business_code?: string;
  user_id?: string;
  customer_groups?: (Partial<XtrakitGroup> & { group_name: string })[];
  customers?: Partial<XtrakitCustomer>[];
}

/** The platform's timestamp format, `YYYY-MM-DD HH:MM:SS` (taken as UTC: the documentation names no zone). */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A complete state from a partial seed: ids numbered after the highest given, timestamps filled with now. */
export function createState(seed: XtrakitSeed = {}): XtrakitState {
  const business_code = seed.business_code ?? 'XK1001';
  const user_id = seed.user_id ?? randomUUID();
  const now = timestamp();
  const owner = { user_id, business_code, created_at: now, updated_at: now };
  const groups = numbered(seed.customer_groups ?? []).map(
    (g): XtrakitGroup => ({ ...owner, group_description: null, ...g }),
  );
  const customers = numbered(seed.customers ?? []).map(
    (c): XtrakitCustomer => ({ ...owner, ...emptyCustomer, ...c }),
  );
  return { business_code, user_id, customer_groups: groups, customers };
}

const emptyCustomer = {
  customer_group_id: null,
  customer_name: null,
  customer_email: null,
  customer_phone: null,
  customer_whatsapp: null,
  customer_country: null,
  customer_city: null,
  customer_state: null,
  customer_zip: null,
  address1: null,
  address2: null,
  customer_profile: null,
  created_by: null,
};

function numbered<T extends { id?: number }>(records: T[]): (T & { id: number })[] {
  let next = nextId(records);
  return records.map((r) => ({ ...r, id: r.id ?? next++ }));
}

/** The next free id after the records' highest (auto-increment). */
export function nextId(records: readonly { id?: number }[]): number {
  return records.reduce((max, r) => Math.max(max, r.id ?? 0), 0) + 1;
}
