// The fingerprint of the live state a plan was computed from, so a saved plan can be refused once the
// platforms have changed. The same live state always gives the same fingerprint, whatever order it was read in.
//
// It is the sha256 of the canonical JSON of every state (sorted by provider, groups and customers by id), fed
// to the hash a record at a time: a million customers never become one string or a sorted copy of each.
import { createHash, type Hash } from 'node:crypto';
import type { LiveCustomer, LiveState } from '../model.js';
import { canonicalJson } from './values.js';

/** Text is handed to the hash in pieces of about this many characters. */
const PIECE = 1 << 16;

export function fingerprint(live: readonly LiveState[]): string {
  const hash = createHash('sha256');
  const out = buffered(hash);
  // The canonical JSON of `[{customers, groups, provider}, …]`, keys in sorted order.
  out.write('[');
  [...live]
    .sort((a, b) => compare(a.provider, b.provider))
    .forEach((state, s) => {
      if (s > 0) out.write(',');
      out.write('{"customers":[');
      byId(state.customers).forEach((customer, c) => out.write((c > 0 ? ',' : '') + customerJson(customer)));
      out.write(`],"groups":${canonicalJson(byId(state.groups))},"provider":${JSON.stringify(state.provider)}}`);
    });
  out.write(']');
  out.flush();
  return hash.digest('hex');
}

/**
 * `canonicalJson(customer)`, written out: the generic one copies each object with sorted keys, a second of a
 * million-customer plan. Keys in sorted order; `updatedAt` only where the platform gave one.
 */
export function customerJson(customer: LiveCustomer): string {
  const updated = customer.updatedAt === undefined ? '' : `,"updatedAt":${JSON.stringify(customer.updatedAt)}`;
  return `{"email":${JSON.stringify(customer.email)},"groupId":${JSON.stringify(customer.groupId)},"id":${JSON.stringify(customer.id)}${updated}}`;
}

function buffered(hash: Hash): { write(text: string): void; flush(): void } {
  let pending = '';
  return {
    write(text) {
      pending += text;
      if (pending.length >= PIECE) this.flush();
    },
    flush() {
      hash.update(pending);
      pending = '';
    },
  };
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
