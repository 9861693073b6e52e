// What a platform refuses in a group's name, known before any call: a name too long for one of the group's
// platforms fails `validate` at the name, rather than `apply` half-way through. (A blank name, refused by
// every platform, and the description's length, kept by Xtrakit only, are in the JSON Schema; Commerce Layer
// codes in ./commercelayer.ts.)
import { NAME_RULES, PLATFORM_NAMES, type Finding, type ProviderType } from '../../model.js';
import { characters } from '../describe.js';
import { error, groupPath, providersOfType, type Rule } from './context.js';

export const checkNameLimits: Rule = (context) => {
  const findings: Finding[] = [];
  for (const group of context.groups) {
    let strictest: { max: number; length: number } | undefined;
    const refusing: string[] = [];
    for (const [type, limit] of Object.entries(NAME_RULES) as [ProviderType, (typeof NAME_RULES)[ProviderType]][]) {
      const providers = providersOfType(context, group, type);
      const length = characters(limit.trims ? group.config.name.trim() : group.config.name);
      if (limit.maxNameLength === null || providers.length === 0 || length <= limit.maxNameLength) continue;
      refusing.push(`${PLATFORM_NAMES[type]} (${providers.map((p) => `'${p}'`).join(', ')})`);
      if (!strictest || limit.maxNameLength < strictest.max) strictest = { max: limit.maxNameLength, length };
    }
    if (!strictest) continue;
    const message = `The name of group '${group.key}' is ${strictest.length} characters long; ${refusing.join(' and ')} take${refusing.length === 1 ? 's' : ''} at most ${strictest.max}.`;
    findings.push(error('name-too-long', message, context.positions.value(groupPath(group, 'name'))));
  }
  return findings;
};
