// The least calls a perfect client needs for a scenario, computed from the scenario's data and each platform's
// documented page sizes and limits — never by running groupform's own read or write strategy, so that a
// wasted call in it shows in the table.
//
// Figures: Commerce Layer pages hold 25 (`page[size]` max), `in` filters answer a page each; BigCommerce pages
// hold 250, customer batch updates 10, and a URL stays under 2,000 characters; Xtrakit documents no paging (its
// emulator pages customers by `per_page` up to 100, Laravel-style) and no e-mail filter, so every customer is
// listed. A read needs the managed groups, every customer in them, and the declared customers outside them.
import type { ProviderType } from '../../src/model.js';
import { BC_STORE } from './seeds.js';
import type { Scenario } from './scenario.js';

const CL_PAGE = 25;
const BC_PAGE = 250;
const BC_BATCH = 10;
const MAX_URL = 2000;
const XK_PAGE = 100;

const pages = (items: number, size: number): number => Math.max(1, Math.ceil(items / size));

/** Customers in the scenario's (all managed) groups, and declared customers that exist outside them. */
function counts(scenario: Scenario): { inGroups: number; outside: string[] } {
  const declared = new Set(scenario.members.flat());
  const inGroups = scenario.customers.filter((c) => c.group !== null).length;
  const outside = scenario.customers.filter((c) => c.group === null && declared.has(c.email)).map((c) => c.email);
  return { inGroups, outside };
}

/** Calls of the fewest `email:in` URLs under 2,000 characters that name every address once (`@` and `,` take 3 characters encoded). */
function bcLookups(emails: readonly string[]): number {
  if (emails.length === 0) return 0;
  const base = `https://api.bigcommerce.com/stores/${BC_STORE.storeHash}/v3/customers?email%3Ain=&limit=${BC_PAGE}&page=1`.length;
  const chars = emails.reduce((sum, email) => sum + email.length + 2 + 3, -3);
  return Math.max(Math.ceil(chars / (MAX_URL - base)), Math.ceil(emails.length / BC_PAGE));
}

/** The read a plan needs. */
export function minimumReadCalls(type: ProviderType, scenario: Scenario): number {
  const { inGroups, outside } = counts(scenario);
  const groups = scenario.groups.length;
  switch (type) {
    case 'commercelayer':
      // A token; the groups by code; their members; the declared customers outside them by e-mail.
      return 1 + pages(groups, CL_PAGE) + pages(inGroups, CL_PAGE) + (outside.length ? Math.ceil(outside.length / CL_PAGE) : 0);
    case 'bigcommerce':
      // One page of groups; their members; the declared customers outside them by e-mail.
      return pages(groups, BC_PAGE) + pages(inGroups, BC_PAGE) + bcLookups(outside);
    case 'xtrakit':
      return pages(groups, XK_PAGE) + pages(scenario.customers.length, XK_PAGE);
  }
}

/** The writes of `changes` membership changes. */
export function minimumWriteCalls(type: ProviderType, changes: number): number {
  return type === 'bigcommerce' ? Math.ceil(changes / BC_BATCH) : changes;
}
