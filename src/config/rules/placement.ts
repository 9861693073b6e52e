// Where groups live: every provider a group or `defaults` names exists, each group is on some provider,
// per-platform blocks and `description` only where a platform of the group can hold them.
import type { Finding } from '../../model.js';
import { defaultProviders } from '../groups.js';
import { closest } from '../suggest.js';
import type { Path } from '../positions.js';
import { error, groupPath, providersOfType, type GroupInfo, type Rule, type RuleContext } from './context.js';

const PLATFORM_BLOCKS = { commercelayer: 'Commerce Layer', bigcommerce: 'BigCommerce' } as const;

export const checkPlacement: Rule = (context) => {
  const findings = unknownProviders(context, ['defaults', 'providers'], context.config.defaults?.providers, "'defaults.providers'");
  for (const group of context.groups) {
    const own = group.config.providers;
    findings.push(...unknownProviders(context, groupPath(group, 'providers'), own, `Group '${group.key}'`));
    if (!own && !defaultProviders(context.config)) {
      findings.push(
        error(
          'no-provider',
          `Group '${group.key}' is on no provider: give it 'providers', or set 'defaults.providers'.`,
          context.positions.key(groupPath(group)),
        ),
      );
    }
    findings.push(...platformBlocks(context, group), ...description(context, group));
  }
  return findings;
};

/** `who` starts the sentence: "Group 'vip'" or "'defaults.providers'". */
function unknownProviders(context: RuleContext, path: Path, names: readonly string[] | undefined, who: string): Finding[] {
  const declared = Object.keys(context.config.providers);
  return (names ?? []).flatMap((name, index) => {
    if (declared.includes(name)) return [];
    const hint = closest(name, declared);
    const help = hint ? `did you mean '${hint}'?` : `the providers are ${declared.join(', ')}.`;
    const message = `${who} names provider '${name}', which is not declared in 'providers'; ${help}`;
    return [error('unknown-provider', message, context.positions.value([...path, index]))];
  });
}

function platformBlocks(context: RuleContext, group: GroupInfo): Finding[] {
  const findings: Finding[] = [];
  for (const [block, platform] of Object.entries(PLATFORM_BLOCKS)) {
    if (group.config[block as keyof typeof PLATFORM_BLOCKS] === undefined || group.providers.length === 0) continue;
    if (providersOfType(context, group, block as keyof typeof PLATFORM_BLOCKS).length > 0) continue;
    const message = `Group '${group.key}' has a '${block}' block but is on no ${platform} provider${onWhich(group)}.`;
    findings.push(error('platform-block-unused', message, context.positions.key(groupPath(group, block))));
  }
  return findings;
}

function description(context: RuleContext, group: GroupInfo): Finding[] {
  if (group.config.description === undefined || group.providers.length === 0) return [];
  if (providersOfType(context, group, 'xtrakit').length > 0) return [];
  const message = `Group '${group.key}' has a 'description', but only Xtrakit keeps one and the group is on no Xtrakit provider${onWhich(group)}.`;
  return [error('description-unused', message, context.positions.key(groupPath(group, 'description')))];
}

function onWhich(group: GroupInfo): string {
  return group.providers.length > 0 ? ` (it is on ${group.providers.join(', ')})` : '';
}
