// Commerce Layer finds a declared group by its `code`, which is the group's key: so the keys of groups on
// Commerce Layer must be valid codes (at most 25 of A-Za-z0-9_-) and unique per organization, ignoring case.
import type { Finding, SourcePos } from '../../model.js';
import { placeOf } from '../place.js';
import { error, groupPath, providersOfType, type Rule } from './context.js';

const CODE = /^[A-Za-z0-9_-]{1,25}$/;

export const checkCommerceLayerCodes: Rule = (context) => {
  const findings: Finding[] = [];
  /** Per Commerce Layer provider: lower-cased code → the first group's key and place. */
  const codes = new Map<string, Map<string, { key: string; pos: SourcePos }>>();
  for (const group of context.groups) {
    const providers = providersOfType(context, group, 'commercelayer');
    if (providers.length === 0) continue;
    const pos = context.positions.key(groupPath(group));
    if (!CODE.test(group.key)) {
      const message = `Group key '${group.key}' must be a valid Commerce Layer code, since the group is on ${providers.map((p) => `'${p}'`).join(', ')}: at most 25 letters, digits, _ and -.`;
      findings.push(error('bad-commercelayer-code', message, pos));
      continue;
    }
    for (const provider of providers) {
      const seen = codes.get(provider) ?? new Map<string, { key: string; pos: SourcePos }>();
      codes.set(provider, seen);
      const first = seen.get(group.key.toLowerCase());
      if (!first) {
        seen.set(group.key.toLowerCase(), { key: group.key, pos });
        continue;
      }
      const message = `Group keys '${first.key}' (${placeOf(first.pos, pos)}) and '${group.key}' are the same Commerce Layer code on provider '${provider}', which ignores case; rename one.`;
      findings.push(error('duplicate-commercelayer-code', message, pos));
    }
  }
  return findings;
};
