// Plan addresses and group labels, shared by the planner, its safety messages and the renderers.
import type { GroupRef } from '../model.js';

/** `provider/key` for a declared group, `provider/#id` for a live group the config does not declare. */
export function groupAddress(provider: string, key: string | null, id: string | null): string {
  return key !== null ? `${provider}/${key}` : `${provider}/#${id ?? '?'}`;
}

/** `provider/members/email`. */
export function memberAddress(provider: string, email: string): string {
  return `${provider}/members/${email}`;
}

/** How a person reads a group reference: its address, plus its name when the config does not declare it. */
export function groupRefLabel(provider: string, ref: GroupRef): string {
  const address = groupAddress(provider, ref.key, ref.id);
  return ref.key === null && ref.name !== '' ? `${address} (${ref.name})` : address;
}
