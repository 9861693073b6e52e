// Reading a large group's members through a Commerce Layer export instead of pages of 25, against the emulator
// over loopback on a shared virtual clock: the same live state as the paged read, in fewer calls.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startCommerceLayerEmulator,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
} from '../../../src/emulators/commercelayer/index.js';
import { createCommerceLayer } from '../../../src/providers/commercelayer/index.js';
import { exportCheaper } from '../../../src/providers/commercelayer/exports.js';
import { Secret, type DesiredGroup, type ProviderInstance } from '../../../src/model.js';
import type { HttpLogEntry } from '../../../src/http/log.js';
import { fakeClock } from '../../http/helpers.js';

let emulator: CommerceLayerEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const at = '2024-06-01T10:00:00.000Z';
const idOf = (i: number) => `Cus${String(i).padStart(7, '0').replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!)}`;

async function setup(members: number) {
  const clock = fakeClock();
  emulator = await startCommerceLayerEmulator({
    state: {
      organization: { slug: 'acme', id: 'OrgAcmeXyz' },
      customer_groups: [{ id: 'GrpVipAaaa', name: 'VIP', code: 'vip', reference: null, reference_origin: null, metadata: {}, created_at: at, updated_at: at }],
      customers: Array.from({ length: members + 3 }, (_, i) => ({
        id: idOf(i), email: `c${i}@example.com`, customer_group_id: i < members ? 'GrpVipAaaa' : null, status: 'prospect' as const,
        reference: null, reference_origin: null, metadata: {}, created_at: at, updated_at: at,
      })),
    },
    now: clock.now,
    seed: 7,
    rateLimits: false,
  });
  const instance: ProviderInstance = {
    name: 'cl', type: 'commercelayer',
    settings: { base_url: emulator.url, auth_url: emulator.url, client_id: SANDBOX_CL_CLIENT_ID },
    secrets: { client_secret: new Secret(SANDBOX_CL_CLIENT_SECRET) },
    prune: false, ignore: [], safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 10 },
  };
  const log: HttpLogEntry[] = [];
  return { provider: createCommerceLayer(instance, { log: (entry) => log.push(entry) }, { clock }), log };
}

const vip: DesiredGroup = { key: 'vip', provider: 'cl', attributes: { name: 'VIP' }, members: [], membership: 'authoritative', protect: false };

describe('exportCheaper', () => {
  it('takes an export when the pages left cost more calls than it, within its 10,000 records', () => {
    expect(exportCheaper({ records: 150, pages: 6 })).toBe(false);
    expect(exportCheaper({ records: 175, pages: 7 })).toBe(true);
    expect(exportCheaper({ records: 10_000, pages: 400 })).toBe(true);
    expect(exportCheaper({ records: 10_001, pages: 401 })).toBe(false);
  });
});

describe('reading a large group through an export', () => {
  it('reads the same members as the pages do, in a handful of calls, and only when bulk is allowed', async () => {
    const { provider, log } = await setup(500);
    const viaExport = await provider.read({ groups: [vip], emails: [], allGroups: false });
    const exportCalls = log.filter((entry) => !entry.path.startsWith('/oauth')).map((entry) => `${entry.method} ${entry.path.split('?')[0]}`);
    expect(exportCalls.filter((call) => call === 'POST /api/exports')).toHaveLength(1);
    expect(exportCalls.some((call) => call.startsWith('GET http') && call.includes('/_files/exports/'))).toBe(true);
    expect(exportCalls.length).toBeLessThanOrEqual(9);

    log.length = 0;
    const paged = await provider.read({ groups: [vip], emails: [], allGroups: false, bulk: false });
    expect(log.some((entry) => entry.path.includes('/api/exports'))).toBe(false);
    expect(log.filter((entry) => entry.path.startsWith('/api/customers'))).toHaveLength(20);

    expect(viaExport.customers).toHaveLength(500);
    expect(viaExport).toEqual(paged);
  });

  it('reads a small group by its pages', async () => {
    const { provider, log } = await setup(60);
    const live = await provider.read({ groups: [vip], emails: [], allGroups: false });
    expect(live.customers).toHaveLength(60);
    expect(log.some((entry) => entry.path.includes('/api/exports'))).toBe(false);
  });
});
