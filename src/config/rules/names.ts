// Two declared groups may not take one name on a provider whose platform keeps names unique: the second create
// (or rename) would be refused (BigCommerce 409, Xtrakit 422), and the file could never be applied. Each platform
// by its own rule: BigCommerce names are unique exactly; Xtrakit trims them and compares ignoring case (MySQL's
// default collation). Commerce Layer names need not be unique: its groups are told apart by code (the key).
import type { Finding, ProviderType, SourcePos } from '../../model.js';
import { placeOf } from '../place.js';
import { error, groupPath, type Rule } from './context.js';

/** The form of a name under which the platform refuses a second group, and how a message says so. */
const UNIQUE_NAMES: Partial<Record<ProviderType, { same: (name: string) => string; rule: string }>> = {
  bigcommerce: { same: (name) => name, rule: 'BigCommerce allows one group per name' },
  xtrakit: { same: (name) => name.trim().toLowerCase(), rule: 'Xtrakit allows one group per name, ignoring case and spaces around it' },
};

export const checkUniqueNames: Rule = (context) => {
  const findings: Finding[] = [];
  /** Per provider: the name in its unique form → the first group's key and the place of its name. */
  const names = new Map<string, Map<string, { key: string; pos: SourcePos }>>();
  for (const group of context.groups) {
    for (const provider of group.providers) {
      const unique = UNIQUE_NAMES[context.config.providers[provider].type];
      if (!unique) continue;
      const seen = names.get(provider) ?? new Map<string, { key: string; pos: SourcePos }>();
      names.set(provider, seen);
      const pos = context.positions.value(groupPath(group, 'name'));
      const name = unique.same(group.config.name);
      const first = seen.get(name);
      if (!first) {
        seen.set(name, { key: group.key, pos });
        continue;
      }
      const message = `Groups '${first.key}' (${placeOf(first.pos, pos)}) and '${group.key}' have the same name on provider '${provider}'; ${unique.rule}. Rename one.`;
      findings.push(error('duplicate-group-name', message, pos));
    }
  }
  return findings;
};
