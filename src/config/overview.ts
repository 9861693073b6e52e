// A loaded config in numbers and short lines, for `validate`'s summary and --verbose. Secrets appear by
// field name only.
import type { DesiredState } from '../model.js';

export interface ConfigOverview {
  providers: { name: string; type: string; settings: Record<string, string>; secrets: string[]; prune: boolean }[];
  /** `members` is null where the group leaves its memberships unmanaged. */
  groups: { key: string; name: string; providers: string[]; members: number | null; membership: string }[];
  counts: { providers: number; groups: number; members: number };
}

export function overview(desired: DesiredState): ConfigOverview {
  const groups = new Map<string, ConfigOverview['groups'][number]>();
  for (const group of desired.groups) {
    const known = groups.get(group.key);
    if (known) {
      known.providers.push(group.provider);
      continue;
    }
    const name = typeof group.attributes.name === 'string' ? group.attributes.name : group.key;
    groups.set(group.key, { key: group.key, name, providers: [group.provider], members: group.members?.length ?? null, membership: group.membership });
  }
  const list = [...groups.values()];
  return {
    providers: desired.providers.map((p) => ({ name: p.name, type: p.type, settings: p.settings, secrets: Object.keys(p.secrets), prune: p.prune })),
    groups: list,
    counts: { providers: desired.providers.length, groups: list.length, members: list.reduce((sum, g) => sum + (g.members ?? 0), 0) },
  };
}
