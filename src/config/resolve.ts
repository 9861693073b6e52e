// Stage 4: the valid config → DesiredState, with the schema's defaults filled in and secrets wrapped.
import { Secret, type Attributes, type DesiredGroup, type Json, type ProviderInstance, type ProviderType } from '../model.js';
import type { GroupConfig, GroupsConfig } from './schema-types.js';
import type { GroupInfo } from './rules/index.js';
import type { Positions } from './positions.js';
import { providerDefinition, schemaDefaults } from './schema.js';
import { SECRET_FIELDS } from './secrets.js';

/** Provider fields that are not settings: they have their own place in ProviderInstance. */
const OWN_FIELDS = new Set(['type', 'prune', 'ignore', 'safety']);

export function resolveProviders(config: GroupsConfig, positions: Positions): ProviderInstance[] {
  const safetyDefaults = schemaDefaults('safety') as { max_group_changes: number; max_member_removals: number; min_existing: number };
  return Object.entries(config.providers).map(([name, provider]) => {
    const defaults = schemaDefaults(providerDefinition(provider.type));
    const settings: Record<string, string> = {};
    const secrets: Record<string, Secret> = {};
    for (const [field, value] of Object.entries(defaults)) if (typeof value === 'string') settings[field] = value;
    for (const [field, value] of Object.entries(provider)) {
      if (OWN_FIELDS.has(field)) continue;
      if (SECRET_FIELDS.has(field)) secrets[field] = new Secret(String(value));
      else settings[field] = String(value);
    }
    const safety = { ...safetyDefaults, ...provider.safety };
    return {
      name,
      type: provider.type,
      settings,
      secrets,
      prune: provider.prune ?? (defaults.prune as boolean),
      ignore: provider.ignore ?? [],
      safety: { maxGroupChangeShare: safety.max_group_changes, maxMemberRemoveShare: safety.max_member_removals, minObjects: safety.min_existing },
      pos: positions.key(['providers', name]),
    };
  });
}

/** The managed fields of each platform, in the config's names; only those the file declares. */
const ATTRIBUTES: Record<ProviderType, (group: GroupConfig) => Record<string, unknown>> = {
  commercelayer: (group) => ({ name: group.name, ...group.commercelayer }),
  bigcommerce: (group) => ({ name: group.name, ...group.bigcommerce }),
  xtrakit: (group) => ({ name: group.name, description: group.description }),
};

export function resolveGroups(config: GroupsConfig, groups: GroupInfo[], positions: Positions): DesiredGroup[] {
  const membership = config.defaults?.membership ?? (schemaDefaults('defaults').membership as DesiredGroup['membership']);
  const protect = schemaDefaults('group').protect as boolean;
  return groups.flatMap((group) =>
    group.providers.map((provider): DesiredGroup => {
      const pinned = group.config.ids?.[provider];
      return {
        key: group.key,
        provider,
        attributes: declared(ATTRIBUTES[config.providers[provider].type](group.config)),
        members: group.members?.emails ?? null,
        ...(group.members ? { memberPos: group.members.place } : {}),
        membership: group.config.membership ?? membership,
        ...(pinned === undefined ? {} : { pinnedId: String(pinned) }),
        protect: group.config.protect ?? protect,
        pos: positions.key(['groups', group.key]),
      };
    }),
  );
}

/** Drops fields the file leaves out. Values came from YAML through the schema, so they are JSON. */
function declared(fields: Record<string, unknown>): Attributes {
  const attributes: Attributes = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) attributes[name] = value as Json;
  return attributes;
}
