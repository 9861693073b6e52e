// Which writes are in flight: started through a provider, not yet answered. A forced stop (a second Ctrl-C or
// SIGTERM) names them, since each may or may not have reached the platform.
import type { Change } from '../model.js';
import type { Provider } from '../providers/provider.js';

export interface InFlight {
  /** The same providers, each write recorded while it runs. */
  providers: Map<string, Provider>;
  /** The changes whose write has started and not ended, in the order they started. */
  pending(): Change[];
}

export function trackInFlight(providers: ReadonlyMap<string, Provider>): InFlight {
  const pending = new Set<Change>();
  const during = async <T>(changes: readonly Change[], write: () => Promise<T>): Promise<T> => {
    for (const change of changes) pending.add(change);
    try {
      return await write();
    } finally {
      for (const change of changes) pending.delete(change);
    }
  };
  const tracked = new Map<string, Provider>();
  for (const [name, provider] of providers) {
    const applyBulk = provider.applyMembershipsBulk?.bind(provider);
    tracked.set(name, {
      name: provider.name,
      type: provider.type,
      capabilities: provider.capabilities,
      normalize: (attributes) => provider.normalize(attributes),
      read: (scope) => provider.read(scope),
      applyGroup: (change) => during([change], () => provider.applyGroup(change)),
      applyMemberships: (batch) =>
        during(
          batch.map((item) => item.change),
          () => provider.applyMemberships(batch),
        ),
      ...(applyBulk
        ? {
            applyMembershipsBulk: (batch) =>
              during(
                batch.map((item) => item.change),
                () => applyBulk(batch),
              ),
          }
        : {}),
    });
  }
  return { providers: tracked, pending: () => [...pending] };
}
