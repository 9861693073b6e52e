// What the imports and exports tests share: an emulator holding one group and `n` customers (the first
// `members` of them in it), and an adapter pointed at it, the two on one virtual clock.
import { afterEach } from 'vitest';
import {
  startCommerceLayerEmulator,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
  type CommerceLayerEmulatorOptions,
} from '../../../src/emulators/commercelayer/index.js';
import { createCommerceLayer } from '../../../src/providers/commercelayer/index.js';
import { Secret, type ProviderInstance } from '../../../src/model.js';
import type { HttpLogEntry } from '../../../src/http/log.js';
import { fakeClock } from '../../http/helpers.js';

const at = '2024-06-01T10:00:00.000Z';

/** Ten letters, as Commerce Layer ids are: CusAAAAAAA, CusAAAAAAB… */
export const idOf = (i: number): string =>
  `Cus${String(i)
    .padStart(7, '0')
    .replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!)}`;

/** A setup per test, closed after it. */
export function useBulkSetup() {
  let emulator: CommerceLayerEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return async (n: number, options: CommerceLayerEmulatorOptions & { members?: number } = {}) => {
    const { members = 0, ...knobs } = options;
    const clock = fakeClock();
    emulator = await startCommerceLayerEmulator({
      state: {
        organization: { slug: 'acme', id: 'OrgAcmeXyz' },
        customer_groups: [
          { id: 'GrpVipAaaa', name: 'VIP', code: 'vip', reference: null, reference_origin: null, metadata: {}, created_at: at, updated_at: at },
        ],
        customers: Array.from({ length: n }, (_, i) => ({
          id: idOf(i),
          email: `c${i}@example.com`,
          customer_group_id: i < members ? 'GrpVipAaaa' : null,
          status: 'prospect' as const,
          reference: null,
          reference_origin: null,
          metadata: {},
          created_at: at,
          updated_at: at,
        })),
      },
      now: clock.now,
      seed: 7,
      ...knobs,
    });
    const instance: ProviderInstance = {
      name: 'cl',
      type: 'commercelayer',
      settings: { base_url: emulator.url, auth_url: emulator.url, client_id: SANDBOX_CL_CLIENT_ID },
      secrets: { client_secret: new Secret(SANDBOX_CL_CLIENT_SECRET) },
      prune: false,
      ignore: [],
      safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 10 },
    };
    const log: HttpLogEntry[] = [];
    return { provider: createCommerceLayer(instance, { log: (entry) => log.push(entry) }, { clock }), emulator, clock, log };
  };
}
