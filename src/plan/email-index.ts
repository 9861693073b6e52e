// Live customers by lower-cased e-mail, built once per provider for a plan and shared by the membership diff
// and the read estimate: at a million customers each Map of them costs tens of MB and a second of hashing.
import type { LiveCustomer } from '../model.js';

export interface EmailIndex {
  /** The one customer with this e-mail; undefined when none or several have it. */
  only(email: string): LiveCustomer | undefined;
  /** Every customer with this e-mail, in read order. */
  all(email: string): readonly LiveCustomer[];
  /** Where those customers are in the list indexed. */
  positions(email: string): readonly number[];
}

/**
 * One Map entry a customer (its position in `live`), and a list only for the rare e-mail that several
 * customers share: a million customers must not become a million one-element arrays.
 */
export function indexByEmail(live: readonly LiveCustomer[]): EmailIndex {
  const first = new Map<string, number>();
  const shared = new Map<string, number[]>();
  for (let position = 0; position < live.length; position++) {
    const email = live[position]!.email.toLowerCase();
    const earlier = first.get(email);
    if (earlier === undefined) first.set(email, position);
    else if (shared.has(email)) shared.get(email)!.push(position);
    else shared.set(email, [earlier, position]);
  }
  const positions = (email: string): readonly number[] => shared.get(email) ?? (first.has(email) ? [first.get(email)!] : []);
  return {
    only: (email) => (shared.has(email) || !first.has(email) ? undefined : live[first.get(email)!]),
    all: (email) => positions(email).map((position) => live[position]!),
    positions,
  };
}
