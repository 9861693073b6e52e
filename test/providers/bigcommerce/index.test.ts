import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../../src/emulators/bigcommerce/index.js';
import { GroupformError } from '../../../src/errors.js';
import { createProvider } from '../../../src/providers/registry.js';
import { bcInstance, storeState } from './helpers.js';

let bc: BigCommerceEmulator | undefined;
afterEach(async () => {
  await bc?.close();
  bc = undefined;
});

describe('bigcommerce factory', () => {
  it('is registered, with its capabilities as data', () => {
    const provider = createProvider(bcInstance('http://127.0.0.1:1'), {});
    expect(provider).toMatchObject({ name: 'bc', type: 'bigcommerce' });
    expect(provider.capabilities).toEqual({
      identity: 'name',
      unique: { name: 'exact', code: 'none' },
      maxNameLength: 255,
      delete: true,
      deleteUnassignsMembers: true,
      batchMembership: 10,
      fields: ['name', 'is_default', 'is_group_for_guests', 'category_access', 'discount_rules'],
      concurrency: 3,
      cost: {
        groupCalls: { create: 1, update: 1, delete: 1 },
        batchCalls: 1,
        rateLimits: [{ counts: 'all', perEndpoint: false, limit: 150, windowMs: 30_000 }],
        read: {
          fixedCalls: 0,
          groups: { by: 'listing', perCall: 250, firstPageOnly: true },
          customers: { by: 'filter', pageSize: 250, groupIdsPerList: 100, emailsPerList: 60 },
        },
      },
    });
  });

  it('names a missing setting or secret, never a secret value', () => {
    const noHash = bcInstance('http://127.0.0.1:1');
    delete noHash.settings.store_hash;
    expect(() => createProvider(noHash, {})).toThrow(new GroupformError('provider-settings', "bc: the BigCommerce setting 'store_hash' is missing"));
    const noToken = bcInstance('http://127.0.0.1:1');
    noToken.secrets = {};
    expect(() => createProvider(noToken, {})).toThrow(/'access_token' is missing/);
  });

  it("learns the store's quota from its headers, and the plan's estimate uses it (a Pro plan: 450 per 30 s)", async () => {
    bc = await startBigCommerceEmulator({ state: storeState(2, 3), quota: 450 });
    const provider = createProvider(bcInstance(bc.url), {});
    await provider.read({ groups: [], emails: [], allGroups: true });
    expect(provider.capabilities.cost.rateLimits).toEqual([{ counts: 'all', perEndpoint: false, limit: 450, windowMs: 30_000 }]);
  });
});
