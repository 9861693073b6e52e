// Two declared groups may not take one name on a provider whose platform keeps names unique: the second create
// (or rename) would be refused (BigCommerce 409, Xtrakit 422), and the file could never be applied. Each platform
// by its own rule: BigCommerce names are unique exactly; Xtrakit trims them and compares ignoring case (MySQL's
// default collation). Commerce Layer names need not be unique: its groups are told apart by code (the key).
import { NAME_RULES, PLATFORM_NAMES, type Finding, type ProviderType, type SourcePos } from '../../model.js';
import { placeOf } from '../place.js';
import { error, groupPath, type Rule } from './context.js';

/** The form of a name under which the platform refuses a second group, and how a message says so (NAME_RULES). */
function uniqueNames(type: ProviderType): { same: (name: string) => string; rule: string } | undefined {
  const { unique, trims } = NAME_RULES[type];
  if (unique.name === 'none') return undefined;
  const trimmed = (name: string) => (trims ? name.trim() : name);
  const ignoring = [unique.name === 'ignoring-case' ? 'case' : '', trims ? 'spaces around it' : ''].filter(Boolean).join(' and ');
  return {
    same: unique.name === 'ignoring-case' ? (name) => trimmed(name).toLowerCase() : trimmed,
    rule: `${PLATFORM_NAMES[type]} allows one group per name${ignoring ? `, ignoring ${ignoring}` : ''}`,
  };
}

export const checkUniqueNames: Rule = (context) => {
  const findings: Finding[] = [];
  /** Per provider: the name in its unique form → the first group's key and the place of its name. */
  const names = new Map<string, Map<string, { key: string; pos: SourcePos }>>();
  for (const group of context.groups) {
    for (const provider of group.providers) {
      const unique = uniqueNames(context.config.providers[provider].type);
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
