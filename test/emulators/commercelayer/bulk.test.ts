// Imports and exports as documented: https://docs.commercelayer.io/core/importing-resources and
// https://docs.commercelayer.io/core/exporting-resources (shared/providers §1.8).
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakeClock, useSessions, type Session } from './harness.js';

const start = useSessions();

/** 1 s to start, then 10 rows a second: a test moves the clock to reach each state. */
const BULK = { rowsPerSecond: 10, startDelayMs: 1000 };

const importDoc = (inputs: unknown, extra: Record<string, unknown> = {}) => ({
  data: { type: 'imports', attributes: { resource_type: 'customers', inputs, ...extra } },
});

async function createImport(session: Session, inputs: unknown[], extra: Record<string, unknown> = {}) {
  const reply = await session.call('POST', '/api/imports', importDoc(inputs, extra));
  expect(reply.status).toBe(201);
  return reply.body.data.id as string;
}

const customerOf = (session: Session, email: string) => session.emulator.state().customers.find((c) => c.email === email);

describe('imports', () => {
  it('creates a pending import, then runs it: pending → in_progress → completed, counting processed rows', async () => {
    const clock = fakeClock();
    const session = await start({ now: clock.now, bulk: BULK });
    const created = await session.call(
      'POST',
      '/api/imports',
      importDoc([
        { id: 'CusEveAaaa', customer_group_id: 'GrpVipAaaa' },
        { id: 'CusBobAaaa', customer_group_id: 'GrpVipAaaa' },
      ]),
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      type: 'imports',
      attributes: {
        resource_type: 'customers',
        format: 'json',
        status: 'pending',
        inputs_size: 2,
        processed_count: 0,
        errors_count: 0,
        warnings_count: 0,
        errors_log: {},
        started_at: null,
        completed_at: null,
        attachment_url: null,
      },
      meta: { mode: 'test' },
    });
    expect(created.body.data.attributes).not.toHaveProperty('inputs');
    const id = created.body.data.id as string;
    expect(customerOf(session, 'eve@example.com')?.customer_group_id).toBeNull();

    clock.advance(1000 + 100); // started, one row done
    const running = await session.call('GET', `/api/imports/${id}`);
    expect(running.body.data.attributes).toMatchObject({ status: 'in_progress', processed_count: 1 });
    expect(running.body.data.attributes.started_at).not.toBeNull();

    clock.advance(100);
    const done = await session.call('GET', `/api/imports/${id}?fields[imports]=status,processed_count,errors_count`);
    expect(done.body.data.attributes).toEqual({ status: 'completed', processed_count: 2, errors_count: 0 });
    expect(customerOf(session, 'eve@example.com')?.customer_group_id).toBe('GrpVipAaaa');
    expect(customerOf(session, 'bob@example.com')?.customer_group_id).toBe('GrpVipAaaa');
    const list = await session.call('GET', '/api/imports?filter[q][status_eq]=completed');
    expect(list.body.data.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('logs a failed row under its id, with the field and message, and goes on with the others', async () => {
    const clock = fakeClock();
    const session = await start({ now: clock.now, bulk: BULK });
    const rows = [
      ...Array.from({ length: 9 }, () => ({ id: 'CusEveAaaa', customer_group_id: 'GrpGoldAaa' })),
      { id: 'CusBobAaaa', customer_group_id: 'NoSuchGrp' },
    ];
    const id = await createImport(session, rows);
    clock.advance(1000 + 1000);
    const { attributes } = (await session.call('GET', `/api/imports/${id}`)).body.data;
    expect(attributes).toMatchObject({ status: 'completed', processed_count: 9, errors_count: 1 });
    expect(attributes.errors_log).toEqual({ CusBobAaaa: { customer_group: ['must exist'] } });
    expect(customerOf(session, 'bob@example.com')?.customer_group_id).toBe('GrpGoldAaa');
  });

  it('creates a customer for an unknown e-mail (records not found are created), and refuses an id that names none', async () => {
    const clock = fakeClock();
    const session = await start({ now: clock.now, bulk: BULK });
    const id = await createImport(session, [
      { email: 'New@Example.com', customer_group_id: 'GrpVipAaaa' },
      { email: 'john@example.com', customer_group_id: 'GrpGoldAaa' },
      ...Array.from({ length: 8 }, () => ({ id: 'CusEveAaaa', customer_group_id: null })),
      { id: 'NoSuchCust', email: 'ghost@example.com', customer_group_id: 'GrpVipAaaa' },
    ]);
    clock.advance(1000 + 1100);
    const { attributes } = (await session.call('GET', `/api/imports/${id}`)).body.data;
    expect(attributes).toMatchObject({ status: 'completed', processed_count: 10, errors_count: 1 });
    expect(Object.keys(attributes.errors_log)).toEqual(['NoSuchCust']);
    expect(customerOf(session, 'new@example.com')?.customer_group_id).toBe('GrpVipAaaa');
    expect(customerOf(session, 'john@example.com')?.customer_group_id).toBe('GrpGoldAaa');
    expect(customerOf(session, 'ghost@example.com')).toBeUndefined();
  });

  it('interrupts an import whose errors pass 10% of its inputs; processed + errors is where it stopped', async () => {
    const clock = fakeClock();
    const session = await start({ now: clock.now, bulk: BULK });
    const rows = Array.from({ length: 10 }, (_, i) =>
      i < 2 ? { id: `Missing${'ABC'[i]}xx`, customer_group_id: null } : { id: 'CusEveAaaa', customer_group_id: 'GrpVipAaaa' },
    );
    const id = await createImport(session, rows);
    clock.advance(1000 + 1000);
    const { attributes } = (await session.call('GET', `/api/imports/${id}`)).body.data;
    expect(attributes).toMatchObject({ status: 'interrupted', processed_count: 0, errors_count: 2 });
    expect(attributes.interrupted_at).not.toBeNull();
    expect(customerOf(session, 'eve@example.com')?.customer_group_id).toBeNull();
  });

  it('refuses more than 10,000 inputs at creation, and accepts 10,000', async () => {
    const session = await start({ bulk: BULK });
    const row = { id: 'CusEveAaaa', customer_group_id: 'GrpVipAaaa' };
    const refused = await session.call('POST', '/api/imports', importDoc(Array.from({ length: 10_001 }, () => row)));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'VALIDATION_ERROR', source: { pointer: '/data/attributes/inputs' } });
    expect(refused.body.errors[0].detail).toContain('10000');
    expect((await session.call('POST', '/api/imports', importDoc(Array.from({ length: 10_000 }, () => row)))).status).toBe(201);
  });

  it('refuses an 11th import while 10 are pending, a type that is not importable, and empty or malformed inputs', async () => {
    const session = await start({ bulk: BULK });
    for (let i = 0; i < 10; i++) await createImport(session, [{ id: 'CusEveAaaa', customer_group_id: null }]);
    const eleventh = await session.call('POST', '/api/imports', importDoc([{ id: 'CusEveAaaa' }]));
    expect(eleventh.status).toBe(422);
    expect(eleventh.body.errors[0].detail).toContain('maximum is 10');

    const other = await start({ bulk: BULK });
    const groups = await other.call('POST', '/api/imports', {
      data: { type: 'imports', attributes: { resource_type: 'customer_groups', inputs: [{ name: 'x' }] } },
    });
    expect(groups.status).toBe(422);
    expect((await other.call('POST', '/api/imports', importDoc([]))).status).toBe(422);
    expect((await other.call('POST', '/api/imports', importDoc('a,b'))).status).toBe(400);
    expect((await other.call('POST', '/api/imports', importDoc([1, 2]))).status).toBe(422);
    expect((await other.call('POST', '/api/imports', importDoc([{ id: 'CusEveAaaa' }], { status: 'completed' }))).status).toBe(400);
  });

  it('counts imports against the rate limits like any other endpoint', async () => {
    const session = await start({ rateLimits: { writes: { average: { limit: 1, intervalSeconds: 60 } } }, bulk: BULK });
    await createImport(session, [{ id: 'CusEveAaaa' }]);
    const refused = await session.call('POST', '/api/imports', importDoc([{ id: 'CusEveAaaa' }]));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('1');
  });
});

describe('exports', () => {
  const exportDoc = (attributes: Record<string, unknown>) => ({ data: { type: 'exports', attributes: { resource_type: 'customers', ...attributes } } });

  it('exports the filtered customers as gzipped JSON behind an attachment_url that expires after 5 minutes', async () => {
    const clock = fakeClock();
    const session = await start({ now: clock.now, bulk: BULK });
    const created = await session.call(
      'POST',
      '/api/exports',
      exportDoc({ filters: { customer_group_id_in: ['GrpVipAaaa'] }, fields: ['id', 'email', 'customer_group_id'] }),
    );
    expect(created.status).toBe(201);
    expect(created.body.data.attributes).toMatchObject({ status: 'pending', records_count: 2, attachment_url: null, format: 'json' });
    const id = created.body.data.id as string;

    clock.advance(1000 + 200);
    const done = (await session.call('GET', `/api/exports/${id}`)).body.data.attributes;
    expect(done).toMatchObject({ status: 'completed', processed_count: 2, progress: 100 });
    const url = done.attachment_url as string;
    expect(url.startsWith(`${session.emulator.url}/_files/exports/${id}.json.gz`)).toBe(true);

    const file = await fetch(url);
    expect(file.status).toBe(200);
    const records = JSON.parse(gunzipSync(Buffer.from(await file.arrayBuffer())).toString('utf8'));
    expect(records).toEqual([
      { id: 'CusJohnAaa', email: 'john@example.com', customer_group_id: 'GrpVipAaaa' },
      { id: 'CusJaneAaa', email: 'jane@example.com', customer_group_id: 'GrpVipAaaa' },
    ]);

    clock.advance(5 * 60_000 + 1);
    expect((await fetch(url)).status).toBe(403);
    // Fetching the export again signs a fresh link.
    const again = (await session.call('GET', `/api/exports/${id}`)).body.data.attributes.attachment_url as string;
    expect((await fetch(again)).status).toBe(200);
  });

  it('refuses an export of no records, of more than 10,000, and of fields customers do not have', async () => {
    const session = await start({ bulk: BULK });
    const none = await session.call('POST', '/api/exports', exportDoc({ filters: { email_eq: 'nobody@example.com' } }));
    expect(none.status).toBe(422);
    expect(none.body.errors[0].source.pointer).toBe('/data/attributes/records_count');
    expect((await session.call('POST', '/api/exports', exportDoc({ fields: ['password'] }))).status).toBe(422);

    const many = Array.from({ length: 10_001 }, (_, i) => ({
      id: `Cus${String(i).padStart(7, '0')}`.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!),
      email: `c${i}@example.com`,
      customer_group_id: null,
      status: 'prospect' as const,
      reference: null,
      reference_origin: null,
      metadata: {},
      created_at: '2024-06-01T10:00:00.000Z',
      updated_at: '2024-06-01T10:00:00.000Z',
    }));
    session.emulator.setState({ ...session.emulator.state(), customers: many });
    const tooMany = await session.call('POST', '/api/exports', exportDoc({}));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].detail).toContain('10000');
  });
});
