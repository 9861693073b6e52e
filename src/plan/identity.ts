// Which live group is which declared group, on one provider instance (DESIGN.md §1 "Identity"):
// 1. a pinned id; 2. the platform's code, case-insensitively (identity 'code'); 3. the name, exactly (identity
// 'name') or ignoring case (identity 'name-ignoring-case'). A live group pinned by one declared group is out of
// the running for the others.
// Anything ambiguous is an error finding, never a guess.
import type { Capabilities, DesiredGroup, Finding, LiveGroup } from '../model.js';

/** A declared group and the live group it manages; `live` is null when the plan creates it. */
export interface GroupMatch {
  desired: DesiredGroup;
  live: LiveGroup | null;
}

export interface Identity {
  /** Declared groups whose identity is settled, in declaration order. */
  resolved: GroupMatch[];
  /** Ids of live groups that a declared group manages or might manage: never deleted. */
  claimed: Set<string>;
  findings: Finding[];
}

/** The name a declared group has (or will have) on the platform. */
export function declaredName(group: DesiredGroup): string {
  return typeof group.attributes.name === 'string' ? group.attributes.name : group.key;
}

export function matchGroups(provider: string, desired: readonly DesiredGroup[], live: readonly LiveGroup[], identity: Capabilities['identity']): Identity {
  const findings: Finding[] = [];
  const claimed = new Set<string>();
  const candidates = new Map<DesiredGroup, LiveGroup[]>();
  const pinned = new Set(desired.flatMap((group) => (group.pinnedId === undefined ? [] : [group.pinnedId])));
  const unpinnedLive = live.filter((group) => !pinned.has(group.id));

  for (const group of desired) {
    const found =
      group.pinnedId !== undefined
        ? live.filter((candidate) => candidate.id === group.pinnedId)
        : unpinnedLive.filter((candidate) => matchesNaturally(group, candidate, identity));
    found.forEach((candidate) => claimed.add(candidate.id));
    if (group.pinnedId !== undefined && found.length === 0) {
      findings.push(
        error(group, 'pinned-id-not-found', `group ${group.key}: pinned id ${group.pinnedId} not found on ${provider}; fix or remove ids.${provider}`),
      );
    } else if (found.length > 1) {
      const ids = found.map((candidate) => `#${candidate.id}`).join(', ');
      findings.push(
        error(
          group,
          'ambiguous-group',
          `group ${group.key} matches ${found.length} live groups on ${provider} (${ids}) by ${FIELD[identity]}; pin one with ids.${provider}`,
        ),
      );
    } else {
      candidates.set(group, found);
    }
  }

  // One live group claimed by two declared groups: neither may have it.
  const byLiveId = new Map<string, DesiredGroup[]>();
  for (const [group, [match]] of candidates) {
    if (match) byLiveId.set(match.id, [...(byLiveId.get(match.id) ?? []), group]);
  }
  for (const [id, groups] of byLiveId) {
    if (groups.length < 2) continue;
    const keys = groups.map((group) => group.key).join(' and ');
    for (const group of groups) {
      candidates.delete(group);
      findings.push(
        error(
          group,
          'group-matched-twice',
          `live group #${id} on ${provider} is matched by groups ${keys}; give each its own ${FIELD[identity]} or pin ids.${provider}`,
        ),
      );
    }
  }

  const resolved = desired.flatMap((group) => {
    const found = candidates.get(group);
    return found ? [{ desired: group, live: found[0] ?? null }] : [];
  });
  return { resolved, claimed, findings };
}

/** What a finding calls the field that identity matches on. */
const FIELD: Record<Capabilities['identity'], string> = { code: 'code', name: 'name', 'name-ignoring-case': 'name' };

function matchesNaturally(group: DesiredGroup, live: LiveGroup, identity: Capabilities['identity']): boolean {
  return matchesIdentity(live, identity, identity === 'code' ? group.key : declaredName(group));
}

/** Whether a live group has this code (identity 'code') or name (the name identities). */
export function matchesIdentity(live: LiveGroup, identity: Capabilities['identity'], value: string): boolean {
  switch (identity) {
    case 'code':
      return typeof live.code === 'string' && live.code.toLowerCase() === value.toLowerCase();
    case 'name':
      return live.name === value;
    case 'name-ignoring-case':
      return live.name.toLowerCase() === value.toLowerCase();
  }
}

function error(group: DesiredGroup, code: string, message: string): Finding {
  return { severity: 'error', code, message, provider: group.provider, group: group.key, ...(group.pos ? { pos: group.pos } : {}) };
}
