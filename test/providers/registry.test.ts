import { describe, expect, it } from 'vitest';
import { createProvider, registry } from '../../src/providers/registry.js';
import { Secret, type ProviderInstance } from '../../src/model.js';

const instance = (type: ProviderInstance['type']): ProviderInstance => ({
  name: 'p1',
  type,
  settings: { base_url: 'http://127.0.0.1:9', client_id: 'id' },
  secrets: { client_secret: new Secret('s') },
  prune: false,
  ignore: [],
  safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 10 },
});

describe('provider registry', () => {
  it.each([
    ['commercelayer', { base_url: 'http://127.0.0.1:9', client_id: 'id' }, { client_secret: 's' }, 'code'],
    ['bigcommerce', { store_hash: 'abc' }, { access_token: 't' }, 'name'],
    ['xtrakit', {}, { api_key: 'k' }, 'name-ignoring-case'],
  ] as const)('builds the %s adapter for its instances', (type, settings, secrets, identity) => {
    const provider = createProvider(
      {
        ...instance(type),
        settings: { ...settings },
        secrets: Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, new Secret(v)])),
      },
      {},
    );
    expect([provider.name, provider.type, provider.capabilities.identity]).toEqual(['p1', type, identity]);
  });

  it('has an adapter for every platform type', () => {
    expect(Object.keys(registry).sort()).toEqual(['bigcommerce', 'commercelayer', 'xtrakit']);
  });
});
