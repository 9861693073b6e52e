// `ids` pins: each names a provider the group lives on, and no remote group is pinned by two groups.
import type { Finding, SourcePos } from '../../model.js';
import { placeOf } from '../place.js';
import { error, groupPath, type Rule } from './context.js';

export const checkPins: Rule = (context) => {
  const findings: Finding[] = [];
  /** `provider\0id` → the group that pinned it first, and where. */
  const pinned = new Map<string, { key: string; pos: SourcePos }>();
  for (const group of context.groups) {
    for (const [provider, id] of Object.entries(group.config.ids ?? {})) {
      const path = groupPath(group, 'ids', provider);
      if (!group.providers.includes(provider)) {
        const why = Object.hasOwn(context.config.providers, provider) ? 'the group is not on it' : "it is not declared in 'providers'";
        findings.push(error('pin-unknown-provider', `Group '${group.key}' pins an id on provider '${provider}', but ${why}.`, context.positions.key(path)));
        continue;
      }
      const pos = context.positions.value(path);
      const slot = `${provider}\0${String(id)}`;
      const first = pinned.get(slot);
      if (!first) {
        pinned.set(slot, { key: group.key, pos });
        continue;
      }
      const message = `Groups '${first.key}' (${placeOf(first.pos, pos)}) and '${group.key}' both pin id ${String(id)} on provider '${provider}'; a remote group can be pinned by one group only.`;
      findings.push(error('duplicate-pin', message, pos));
    }
  }
  return findings;
};
