import { describe, expect, it } from 'vitest';
import { StateValidationError } from '../../../src/emulators/common/state-file.js';
import { emptyCommerceLayerState, startCommerceLayerEmulator, type CommerceLayerState } from '../../../src/emulators/commercelayer/index.js';
import { customer, group, openSession, seedState, useSessions } from './harness.js';

const start = useSessions();

const putState = (url: string, body: unknown) =>
  fetch(`${url}/_emulator/state`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('/_emulator/state', () => {
  it('returns the state without auth, and GET then PUT round-trips it', async () => {
    const { emulator } = await start();
    const got = await fetch(`${emulator.url}/_emulator/state`);
    expect(got.status).toBe(200);
    const state = await got.json();
    expect(state).toEqual(seedState());

    const put = await putState(emulator.url, state);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(state);
    expect(emulator.state()).toEqual(state);
  });

  it('replaces the state so the API sees out-of-band changes (drift)', async () => {
    const { emulator, call } = await start();
    const drifted = seedState();
    drifted.customer_groups[0]!.name = 'Renamed elsewhere';
    drifted.customers[0]!.customer_group_id = null;
    expect((await putState(emulator.url, drifted)).status).toBe(200);

    expect((await call('GET', '/api/customer_groups/GrpVipAaaa')).body.data.attributes.name).toBe('Renamed elsewhere');
    const members = await call('GET', '/api/customers?filter[q][customer_group_id_eq]=GrpVipAaaa');
    expect(members.body.data.map((c: { id: string }) => c.id)).toEqual(['CusJaneAaa']);
  });

  it('fills optional fields and lower-cases e-mails in a seed', async () => {
    const { emulator } = await start({
      state: {
        organization: { slug: 'acme', id: 'OrgAcmeXyz' },
        customer_groups: [{ id: 'GrpAaaaaaa', name: 'A' }],
        customers: [{ id: 'CusAaaaaaa', email: 'Mixed@Case.COM', customer_group_id: 'GrpAaaaaaa' }],
      } as unknown as CommerceLayerState,
    });
    const state = emulator.state();
    expect(state.customer_groups[0]).toMatchObject({ code: null, reference: null, metadata: {}, created_at: expect.any(String) });
    expect(state.customers[0]).toMatchObject({ email: 'mixed@case.com', status: 'prospect', metadata: {} });
  });

  it.each([
    ['not JSON', '{oops', 'not JSON'],
    ['a missing collection', { organization: { slug: 'acme', id: 'x' }, customer_groups: [] }, 'customers: must be an array'],
    ['an unknown property', { ...emptyCommerceLayerState(), extra: 1 }, 'state.extra: unknown property'],
    [
      'codes equal but for case',
      { ...emptyCommerceLayerState(), customer_groups: [group('GrpAaaaaaa', 'A', 'vip'), group('GrpBbbbbbb', 'B', 'VIP')] },
      'customer_groups[1].code: "VIP" is not unique (codes compare case-insensitively)',
    ],
    ['a code over 25 characters', { ...emptyCommerceLayerState(), customer_groups: [group('GrpAaaaaaa', 'A', 'x'.repeat(26))] }, 'customer_groups[0].code'],
    [
      'a member of a missing group',
      { ...emptyCommerceLayerState(), customers: [customer('CusAaaaaaa', 'a@example.com', 'GrpMissing')] },
      'customers[0].customer_group_id: no customer group "GrpMissing"',
    ],
    [
      'a repeated id',
      { ...emptyCommerceLayerState(), customer_groups: [group('GrpAaaaaaa', 'A', null), group('GrpAaaaaaa', 'B', null)] },
      'customer_groups[1].id: "GrpAaaaaaa" is used twice',
    ],
  ])('refuses %s with 400 and leaves the state alone', async (_case, body, issue) => {
    const { emulator } = await start();
    const response = await fetch(`${emulator.url}/_emulator/state`, {
      method: 'PUT',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const reply = (await response.json()) as { issues: string[] };
    expect(reply.issues.some((i: string) => i.includes(issue))).toBe(true);
    expect(emulator.state()).toEqual(seedState());
  });

  it('answers 405 for other methods and 404 for other emulator paths', async () => {
    const { emulator } = await start();
    expect((await fetch(`${emulator.url}/_emulator/state`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${emulator.url}/_emulator/other`)).status).toBe(404);
    expect(emulator.requests).toEqual([expect.objectContaining({ path: '/oauth/token' })]);
  });
});

describe('state access from code', () => {
  it('reports a snapshot to onChange after API writes and PUTs, not after setState', async () => {
    const seen: CommerceLayerState[] = [];
    const { emulator, call } = await start({ onChange: (state) => seen.push(state) });
    await call('POST', '/api/customer_groups', { data: { type: 'customer_groups', attributes: { name: 'New' } } });
    await call('POST', '/api/customer_groups', { data: { type: 'customer_groups', attributes: {} } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.customer_groups.map((g) => g.name)).toContain('New');

    await putState(emulator.url, seedState());
    expect(seen).toHaveLength(2);
    emulator.setState(seedState());
    expect(seen).toHaveLength(2);
  });

  it('hands out copies, and validates setState and the seed', async () => {
    const { emulator } = await start();
    emulator.state().customer_groups.pop();
    expect(emulator.state().customer_groups).toHaveLength(3);

    const bad = { ...seedState(), customers: [customer('CusAaaaaaa', 'a@example.com', 'GrpMissing')] };
    expect(() => emulator.setState(bad)).toThrow(StateValidationError);
    await expect(startCommerceLayerEmulator({ state: bad })).rejects.toThrow(StateValidationError);
  });

  it('generates the same ids for the same seed', async () => {
    const create = async (seed: number) => {
      const s = await openSession({ seed });
      const reply = await s.call('POST', '/api/customer_groups', { data: { type: 'customer_groups', attributes: { name: 'x' } } });
      await s.emulator.close();
      return reply.body.data.id as string;
    };
    expect(await create(99)).toBe(await create(99));
  });
});
