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
  it('builds the Commerce Layer adapter for a commercelayer instance', () => {
    const provider = createProvider(instance('commercelayer'), {});
    expect([provider.name, provider.type, provider.capabilities.identity]).toEqual(['p1', 'commercelayer', 'code']);
    expect(Object.keys(registry)).toContain('commercelayer');
  });

  it('names a platform that has no adapter', () => {
    const unknown = { ...instance('commercelayer'), type: 'shopify' as ProviderInstance['type'] };
    expect(() => createProvider(unknown, {})).toThrow("provider 'p1': no adapter for shopify yet");
  });
});
