// Plan addresses and group labels, shared by the planner, its safety messages and the renderers.
import type { GroupRef, MembershipChange } from '../model.js';

/** `provider/key` for a declared group, `provider/#id` for a live group the config does not declare. */
export function groupAddress(provider: string, key: string | null, id: string | null): string {
  return key !== null ? `${provider}/${key}` : `${provider}/#${id ?? '?'}`;
}

/** `provider/members/email`. */
export function memberAddress(provider: string, email: string): string {
  return `${provider}/members/${email}`;
}

/** `provider/members/#id`: for a customer its e-mail cannot name, having none or sharing it with another. */
export function memberIdAddress(provider: string, customerId: string): string {
  return `${provider}/members/#${customerId}`;
}

/** How a person reads a membership change's customer: the e-mail, with the id where the address needs it. */
export function memberLabel(change: MembershipChange): string {
  if (change.address === memberAddress(change.provider, change.email)) return change.email;
  return change.email === '' ? `customer #${change.customerId} (no e-mail)` : `${change.email} (customer #${change.customerId})`;
}

/** How a person reads a group reference: its address, plus its name when the config does not declare it. */
export function groupRefLabel(provider: string, ref: GroupRef): string {
  const address = groupAddress(provider, ref.key, ref.id);
  return ref.key === null && ref.name !== '' ? `${address} (${ref.name})` : address;
}
