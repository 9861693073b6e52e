// The two halves of a read that finds customers by group first and by e-mail second (BigCommerce, Commerce
// Layer), joined without a copy of either: at a million members every Set, Map or copy of them costs tens of
// MB, and the planner needs them all at once.
import type { LiveCustomer } from '../model.js';

/**
 * The declared e-mails (`emails`, lower case; any case is tolerated) that none of `members` (lower case) has, to look up one by one. Each member
 * whose e-mail is declared takes the config's own string for it, so that a million addresses are held once,
 * not once for the config and once for the read.
 */
export function declaredNotAmong(members: readonly LiveCustomer[], emails: readonly string[]): string[] {
  const position = new Map<string, number>();
  for (let i = 0; i < emails.length; i++) position.set(emails[i]!.toLowerCase(), i);
  const found = new Uint8Array(emails.length);
  for (const member of members) {
    const i = position.get(member.email);
    if (i === undefined) continue;
    found[i] = 1;
    if (emails[i] === member.email) member.email = emails[i];
  }
  return emails.filter((_, i) => found[i] === 0);
}

/**
 * The members, then the customers the look-ups found: one who joined a read group between the two reads is
 * in both, and counts once, as the look-up saw it (the later read). `members` is the read's own list and is
 * extended in place; only the few found are indexed.
 */
export function withFound(members: LiveCustomer[], found: readonly LiveCustomer[]): LiveCustomer[] {
  if (found.length === 0) return members;
  const later = new Map(found.map((customer) => [customer.id, customer]));
  for (let i = 0; i < members.length; i++) {
    const again = later.get(members[i]!.id);
    if (again === undefined) continue;
    members[i] = again;
    later.delete(again.id);
  }
  for (const customer of later.values()) members.push(customer);
  return members;
}
