// Builders for the Xtrakit adapter tests: a provider instance pointed at a URL, declared groups, changes.
import { Secret, type DesiredGroup, type GroupChange, type MembershipChange, type ProviderInstance } from '../../../src/model.js';
import type { HttpLogEntry } from '../../../src/http/log.js';
import type { Clock } from '../../../src/http/index.js';
import { createProvider } from '../../../src/providers/registry.js';

/** Real time, but retries and rate waits return at once. */
export const instantClock: Clock = { now: () => Date.now(), sleep: async () => undefined, random: () => 0.5 };

/** The adapter as the CLI gets it, through the registry. */
export function provider(url: string, apiKey = 'sandbox-xk-key') {
  const instance: ProviderInstance = {
    name: 'xk',
    type: 'xtrakit',
    settings: { base_url: url },
    secrets: { api_key: new Secret(apiKey) },
    prune: false,
    ignore: [],
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 0 },
  };
  const log: HttpLogEntry[] = [];
  return { xk: createProvider(instance, { log: (entry) => log.push(entry) }), log, instance };
}

export function declared(key: string, name: string, pinnedId?: string): DesiredGroup {
  return { key, provider: 'xk', attributes: { name }, members: [], membership: 'authoritative', pinnedId, protect: false };
}

export function groupChange(action: GroupChange['action'], id: string | null, before: GroupChange['before'], after: GroupChange['after']): GroupChange {
  return { kind: 'group', action, address: `xk/${id ?? 'new'}`, provider: 'xk', key: 'k', id, before, after };
}

export function move(customerId: string, email: string, to: string | null): MembershipChange {
  return {
    kind: 'membership',
    action: to === null ? 'delete' : 'update',
    address: `xk/members/${email}`,
    provider: 'xk',
    customerId,
    email,
    before: null,
    after: to === null ? null : { key: 'k', id: to, name: 'target' },
  };
}
