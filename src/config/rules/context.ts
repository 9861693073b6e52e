// What the semantic rules (stage 3) look at: the schema-valid config, where everything is, and per group
// the providers it lives on and its members. Each rule is a pure function of this to findings.
import type { Finding, ProviderType, SourcePos } from '../../model.js';
import type { GroupConfig, GroupsConfig } from '../schema-types.js';
import type { GroupMembers } from '../members.js';
import type { Path, Positions } from '../positions.js';

export interface GroupInfo {
  key: string;
  config: GroupConfig;
  /** The declared providers it lives on (its own `providers`, else `defaults.providers`), unknown names left out. */
  providers: string[];
  /** Null when the group declares neither `members` nor `members_file`: its memberships are not managed. */
  members: GroupMembers | null;
}

export interface RuleContext {
  config: GroupsConfig;
  positions: Positions;
  /** JSON pointers of the strings whose value came from the environment. */
  fromEnv: ReadonlySet<string>;
  groups: GroupInfo[];
}

export type Rule = (context: RuleContext) => Finding[];

function typeOf(context: RuleContext, provider: string): ProviderType | undefined {
  return Object.hasOwn(context.config.providers, provider) ? context.config.providers[provider].type : undefined;
}

/** The providers of `group` whose platform is `type`. */
export function providersOfType(context: RuleContext, group: GroupInfo, type: ProviderType): string[] {
  return group.providers.filter((name) => typeOf(context, name) === type);
}

export function error(code: string, message: string, pos: SourcePos): Finding {
  return { severity: 'error', code, message, pos };
}

export function warning(code: string, message: string, pos: SourcePos): Finding {
  return { severity: 'warning', code, message, pos };
}

/** Path of a group's property. */
export function groupPath(group: GroupInfo, ...rest: (string | number)[]): Path {
  return ['groups', group.key, ...rest];
}
