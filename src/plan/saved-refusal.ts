// Why the config would not make a change that a saved plan holds, in the terms of the config: the provider
// does not prune, the group is ignored or additive, the customer belongs elsewhere. Pure.
import type { Capabilities, Change, DesiredState, GroupChange, LiveState, MembershipChange } from '../model.js';
import { groupRefLabel } from './address.js';
import { ignored } from './glob.js';

export function explainRefusal(
  change: Change,
  desired: DesiredState,
  live: readonly LiveState[],
  capabilities: Readonly<Record<string, Capabilities>>,
): string {
  const instance = desired.providers.find((candidate) => candidate.name === change.provider);
  if (!instance) return `${desired.configFile} declares no provider ${change.provider}`;
  const state = live.find((candidate) => candidate.provider === change.provider);
  const liveName = (id: string | null): string | undefined => state?.groups.find((group) => group.id === id)?.name;
  return change.kind === 'group'
    ? groupReason(change, desired, instance, liveName, capabilities[change.provider])
    : memberReason(change, desired, instance, liveName);
}

function groupReason(
  change: GroupChange,
  desired: DesiredState,
  instance: DesiredState['providers'][number],
  liveName: (id: string | null) => string | undefined,
  capabilities: Capabilities | undefined,
): string {
  const name = liveName(change.id);
  if (name !== undefined && ignored(instance.ignore, name)) {
    return `group "${name}" matches ignore (${instance.ignore.join(', ')}) on ${instance.name}: it is never changed or deleted`;
  }
  if (change.action === 'delete') {
    if (change.key !== null) return `${change.address} is declared in ${desired.configFile}: a declared group is never deleted`;
    if (!instance.prune) return `${instance.name} does not prune (no \`prune: true\` in ${desired.configFile}): none of its groups is deleted`;
    if (capabilities && !capabilities.delete) return `${instance.type} groups cannot be deleted through the API`;
    return `group #${change.id} is claimed by a declared group in ${desired.configFile}`;
  }
  const declared = desired.groups.find((group) => group.provider === instance.name && group.key === change.key);
  if (!declared) return `${desired.configFile} declares no group ${change.key ?? `#${change.id}`} on ${instance.name}`;
  return `${desired.configFile} asks for no such change to ${change.address}`;
}

function memberReason(
  change: MembershipChange,
  desired: DesiredState,
  instance: DesiredState['providers'][number],
  liveName: (id: string | null) => string | undefined,
): string {
  const who = change.email === '' ? `customer #${change.customerId}` : change.email;
  const home =
    change.email === '' ? undefined : desired.groups.find((group) => group.provider === instance.name && group.members?.includes(change.email) === true);
  if (home && home.key !== change.after?.key) return `${desired.configFile} puts ${who} in ${instance.name}/${home.key}`;
  if (change.after !== null) return `${desired.configFile} does not put ${who} in ${groupRefLabel(instance.name, change.after)}`;
  // A removal: only an authoritative declared group loses the customers it does not declare.
  const before = change.before;
  const from = before === null ? undefined : desired.groups.find((group) => group.provider === instance.name && group.key === before.key);
  if (before !== null && from === undefined) {
    const name = liveName(before.id) ?? before.name;
    const ignoredNote = name !== '' && ignored(instance.ignore, name) ? `; it matches ignore (${instance.ignore.join(', ')})` : '';
    return `group ${groupRefLabel(instance.name, before)} is not managed by ${desired.configFile}, so its customers are not removed${ignoredNote}`;
  }
  if (from?.members === null) return `group ${instance.name}/${from.key} declares no members: its memberships are not managed`;
  if (from?.membership === 'additive') return `group ${instance.name}/${from.key} is additive: its customers are never removed`;
  return `${desired.configFile} asks for no such change to ${who}`;
}
