import { describe, expect, it } from 'vitest';
import { trackInFlight } from '../../src/apply/in-flight.js';
import { assign, createGroup, FakeProvider, ref } from './fake-provider.js';

describe('trackInFlight', () => {
  it('holds each write from its start until it is answered or fails, and passes everything else through', async () => {
    const fake = new FakeProvider('cl', { batchMembership: 2 });
    let release: () => void = () => {};
    fake.gate = () => new Promise((resolve) => (release = resolve));
    const tracker = trackInFlight(new Map([['cl', fake]]));
    const provider = tracker.providers.get('cl')!;
    expect(provider.capabilities).toBe(fake.capabilities);
    expect(await provider.read({ groups: [], emails: [], allGroups: false })).toEqual({ provider: 'cl', groups: [], customers: [] });

    const create = createGroup('cl', 'vip');
    const creating = provider.applyGroup(create);
    expect(tracker.pending()).toEqual([create]);
    release();
    await creating;
    expect(tracker.pending()).toEqual([]);

    const [a, b] = [assign('cl', 'a@x.com', ref('vip', '1')), assign('cl', 'b@x.com', ref('vip', '1'))];
    fake.throwingBatch.add(a.address);
    const batch = provider.applyMemberships([
      { change: a, groupId: '1' },
      { change: b, groupId: '1' },
    ]);
    expect(tracker.pending()).toEqual([a, b]);
    release();
    await expect(batch).rejects.toThrow('batch rejected');
    expect(tracker.pending()).toEqual([]);
  });
});
