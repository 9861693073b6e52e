// Reading a large group's members through a Commerce Layer export instead of pages of 25, against the emulator
// over loopback on a shared virtual clock: the same live state as the paged read, in fewer calls.
import { describe, expect, it } from 'vitest';
import { readCalls } from '../../../src/plan/cost.js';
import { EXPORT_COST, exportCheaper, oneAtATime } from '../../../src/providers/commercelayer/exports.js';
import type { DesiredGroup } from '../../../src/model.js';
import { useBulkSetup } from './bulk-setup.js';

const start = useBulkSetup();
const setup = (members: number) => start(members + 3, { members, rateLimits: false });

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
    // The plan's estimate takes the same path: a token, the codes, the first page and the export's calls (its
    // polls assumed; here it was ready at the first), where its pages would count 22.
    const model = provider.capabilities.cost.read;
    expect(readCalls(model, [vip], false, viaExport)).toBe(3 + EXPORT_COST.calls);
    expect(log.length).toBeLessThanOrEqual(3 + EXPORT_COST.calls);

    log.length = 0;
    const paged = await provider.read({ groups: [vip], emails: [], allGroups: false, bulk: false });
    expect(log.some((entry) => entry.path.includes('/api/exports'))).toBe(false);
    expect(log.filter((entry) => entry.path.startsWith('/api/customers'))).toHaveLength(20);
    // Exactly the pages' calls, and the token (this second read reused the first one's).
    expect(readCalls(model, [vip], false, paged, undefined, false)).toBe(log.length + 1);

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

describe('oneAtATime', () => {
  it('starts each call only once the one before has ended, failed or not', async () => {
    const events: string[] = [];
    const run = oneAtATime(async (n: number) => {
      events.push(`start ${n}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${n}`);
      if (n === 1) throw new Error('refused');
      return n;
    });
    const results = await Promise.allSettled([run(1), run(2), run(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });
});
