// What a platform refuses in a group's name, known before any call: a name too long for one of the group's
// platforms fails `validate` at the name, rather than `apply` half-way through. (A blank name, refused by
// every platform, and the description's length, kept by Xtrakit only, are in the JSON Schema; Commerce Layer
// codes in ./commercelayer.ts.)
import type { Finding, ProviderType } from '../../model.js';
import { characters } from '../describe.js';
import { error, groupPath, providersOfType, type Rule } from './context.js';

interface NameLimit {
  /** The most characters (code points, as the platforms count them). */
  max: number;
  /** Whether the platform trims the name before counting (Laravel's TrimStrings). */
  trims: boolean;
}

/** Commerce Layer documents no limit on a group's name. */
const NAME_LIMITS: Partial<Record<ProviderType, NameLimit>> = {
  bigcommerce: { max: 255, trims: false },
  xtrakit: { max: 255, trims: true },
};

const PLATFORM_NAMES: Record<ProviderType, string> = { commercelayer: 'Commerce Layer', bigcommerce: 'BigCommerce', xtrakit: 'Xtrakit' };

export const checkNameLimits: Rule = (context) => {
  const findings: Finding[] = [];
  for (const group of context.groups) {
    let strictest: { max: number; length: number } | undefined;
    const refusing: string[] = [];
    for (const [type, limit] of Object.entries(NAME_LIMITS) as [ProviderType, NameLimit][]) {
      const providers = providersOfType(context, group, type);
      const length = characters(limit.trims ? group.config.name.trim() : group.config.name);
      if (providers.length === 0 || length <= limit.max) continue;
      refusing.push(`${PLATFORM_NAMES[type]} (${providers.map((p) => `'${p}'`).join(', ')})`);
      if (!strictest || limit.max < strictest.max) strictest = { max: limit.max, length };
    }
    if (!strictest) continue;
    const message = `The name of group '${group.key}' is ${strictest.length} characters long; ${refusing.join(' and ')} take${refusing.length === 1 ? 's' : ''} at most ${strictest.max}.`;
    findings.push(error('name-too-long', message, context.positions.value(groupPath(group, 'name'))));
  }
  return findings;
};
