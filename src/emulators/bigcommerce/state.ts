// The emulator's state: one record per store hash, kept exactly as the API shows it (amounts as "5.0000"
// strings, v2 dates as the spec's examples, v3 dates as ISO 8601), so a persisted file reads like the API.

export interface CategoryAccess {
  type: 'all' | 'specific' | 'none';
  /** Only when `type` is `specific`. */
  categories?: number[];
}

/** A discount rule as the v2 API returns it: a price-list rule carries only `type` and `price_list_id`. */
export type DiscountRule =
  | { type: 'price_list'; price_list_id: number }
  | { type: 'all'; method: DiscountMethod; amount: string }
  | { type: 'category'; method: DiscountMethod; amount: string; category_id: number }
  | { type: 'product'; method: DiscountMethod; amount: string; product_id: number };

export type DiscountMethod = 'percent' | 'fixed' | 'price';

export interface CustomerGroupRecord {
  id: number;
  name: string;
  is_default: boolean;
  is_group_for_guests: boolean;
  category_access: CategoryAccess;
  discount_rules: DiscountRule[];
  /** `YYYY-MM-DD HH:MM:SS` (UTC), as customers.v2.yml's examples show. */
  date_created: string;
  date_modified: string;
}

export interface CustomerRecord {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  /** 0 when the customer is in no group. */
  customer_group_id: number;
  /** ISO 8601 (`2024-05-14T09:34:00Z`): customers.v3.yml declares `format: date-time`. */
  date_created: string;
  date_modified: string;
}

export interface StoreState {
  customer_groups: CustomerGroupRecord[];
  customers: CustomerRecord[];
  /**
   * The id the store's next group gets: the platform's auto-increment counter, which never goes back, so a
   * deleted group's id is never handed out again, even across runs of a persisted sandbox. Written with every
   * write; a seed may leave it out (then one more than the highest group id).
   */
  next_customer_group_id?: number;
}

export interface BigCommerceState {
  stores: Record<string, StoreState>;
}

export function emptyStore(): StoreState {
  return { customer_groups: [], customers: [] };
}

/** One more than the highest id of a collection (BigCommerce ids are positive integers); the API keeps a counter above it. */
export function nextId(records: readonly { id: number }[]): number {
  return records.reduce((max, r) => Math.max(max, r.id), 0) + 1;
}

/** v2 date format (`2023-07-17 06:30:41`, UTC). */
export function v2Date(now: Date): string {
  return now.toISOString().slice(0, 19).replace('T', ' ');
}

/** v3 date format (`2023-07-17T06:30:41Z`). */
export function v3Date(now: Date): string {
  return now.toISOString().slice(0, 19) + 'Z';
}
