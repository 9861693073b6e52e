// Conformance to BigCommerce's official OpenAPI files (bigcommerce/docs reference/customers.v2.yml and
// customers.v3.yml), through the contract derived from them (test/contracts/bigcommerce.json, with the files'
// known defects patched; contract-source.test.ts keeps the two in step): a full read / create / update /
// membership / delete / read cycle, driven by the adapter against the emulator through a recording proxy;
// every request the adapter sends and every response the emulator returns must validate, objects closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator, type BigCommerceState } from '../../../src/emulators/bigcommerce/index.js';
import type { Attributes } from '../../../src/model.js';
import { createBigCommerceProvider } from '../../../src/providers/bigcommerce/index.js';
import { bcInstance, declared, groupChange, move } from './helpers.js';
import { committedContract, loadContract, type Contract, type Exchange } from './contract.js';
import { startRecorder, type Recorder } from './recorder.js';

type Node = { [key: string]: unknown };

const date = '2024-01-02 03:04:05';
const iso = '2024-01-02T03:04:05Z';
const emailOf = (id: number) => `customer${id}@example.com`;

/** 252 groups, so that the first page is full and the adapter also uses `name=`, retrieve and count. */
function seed(): BigCommerceState {
  const group = (id: number, name: string, extra: Node = {}) => ({
    id,
    name,
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' as const },
    discount_rules: [],
    date_created: date,
    date_modified: date,
    ...extra,
  });
  return {
    stores: {
      sandbox1: {
        customer_groups: [
          group(1, 'Wholesale', {
            discount_rules: [
              { type: 'category', method: 'percent', amount: '5.0000', category_id: 7 },
              { type: 'all', method: 'fixed', amount: '1.0000' },
            ],
          }),
          ...Array.from({ length: 250 }, (_, i) => group(i + 2, `Filler ${i + 2}`)),
          group(252, 'Legacy', { category_access: { type: 'specific', categories: [18] } }),
        ] as BigCommerceState['stores'][string]['customer_groups'],
        customers: Array.from({ length: 14 }, (_, i) => ({
          id: i + 1,
          email: emailOf(i + 1),
          first_name: 'Pat',
          last_name: `Customer ${i + 1}`,
          customer_group_id: i < 4 ? 1 : i < 7 ? 252 : 0,
          date_created: iso,
          date_modified: iso,
        })),
      },
    },
  };
}

let bc: BigCommerceEmulator;
let recorder: Recorder;
let v2: Contract;
let v3: Contract;

beforeAll(async () => {
  const contract = committedContract();
  [v2, v3] = [loadContract(contract, 'v2'), loadContract(contract, 'v3')];
  bc = await startBigCommerceEmulator({ state: seed() });
  recorder = await startRecorder(bc.url);
});
afterAll(async () => {
  await recorder?.close();
  await bc?.close();
});

const contractFor = (ex: Exchange) => (/^\/stores\/[^/]+\/v3\//.test(ex.path) ? v3 : v2);

async function fullCycle(): Promise<void> {
  const provider = createBigCommerceProvider(bcInstance(recorder.url), {});
  const vip: Attributes = {
    name: 'VIP',
    category_access: { type: 'all' },
    discount_rules: [
      { type: 'all', method: 'percent', amount: 5 },
      { type: 'product', method: 'fixed', amount: 2, product_id: 9 },
    ],
  };
  const partners: Attributes = {
    name: 'Partners',
    category_access: { type: 'specific', categories: [18, 19] },
    discount_rules: [{ type: 'price_list', price_list_id: 3 }],
  };
  const wholesale: Attributes = { name: 'Wholesale', is_default: false, discount_rules: [{ type: 'category', method: 'percent', amount: 10, category_id: 7 }] };
  const live = await provider.read({
    groups: [
      declared('vip', vip),
      declared('partners', partners),
      declared('wholesale', wholesale),
      declared('legacy', { name: 'Legacy' }, { pinnedId: '252' }),
    ],
    emails: Array.from({ length: 14 }, (_, i) => emailOf(i + 1)),
    allGroups: false,
  });
  expect(live.groups.map((g) => g.name).sort()).toEqual(['Legacy', 'Wholesale']);
  const { id: vipId } = await provider.applyGroup(groupChange('create', null, null, vip));
  await provider.applyGroup(groupChange('create', null, null, partners));
  const before = live.groups.find((g) => g.name === 'Wholesale')!.attributes;
  await provider.applyGroup(groupChange('update', '1', before, wholesale));
  // Customers 1–12 into VIP, 13–14 out of every group: two batch updates.
  const results = await provider.applyMemberships([...Array.from({ length: 12 }, (_, i) => move(i + 1, vipId)), move(13, null), move(14, null)]);
  expect(results.every((r) => r.error === undefined)).toBe(true);
  await provider.applyGroup(groupChange('delete', '252', { name: 'Legacy' }, null));
  const after = await provider.read({ groups: [], emails: [], allGroups: true });
  expect(after.groups).toHaveLength(253);
  expect(after.customers.filter((c) => c.groupId === vipId)).toHaveLength(12);
}

describe('BigCommerce OpenAPI conformance', () => {
  it('validates every request and response of a full cycle against the official files', async () => {
    await fullCycle();
    const operations = new Set(recorder.exchanges.map((ex) => `${ex.method} ${ex.path.replace(/^\/stores\/[^/]+/, '').replace(/\/\d+$/, '/{id}')}`));
    expect([...operations].sort()).toEqual([
      'DELETE /v2/customer_groups/{id}',
      'GET /v2/customer_groups',
      'GET /v2/customer_groups/count',
      'GET /v2/customer_groups/{id}',
      'GET /v3/customers',
      'POST /v2/customer_groups',
      'PUT /v2/customer_groups/{id}',
      'PUT /v3/customers',
    ]);
    const problems = recorder.exchanges.flatMap((ex) => contractFor(ex).check(ex));
    expect(problems).toEqual([]);
  });

  it('reports what departs from the files (the check can fail)', async () => {
    const post = recorder.exchanges.find((ex) => ex.method === 'POST')!;
    const list = recorder.exchanges.find((ex) => ex.method === 'GET' && ex.path.endsWith('/v3/customers'))!;
    const withBody = (ex: Exchange, change: (body: Node) => void, side: 'requestBody' | 'responseBody') => {
      const body = JSON.parse(ex[side]) as Node;
      change(body);
      return { ...ex, [side]: JSON.stringify(body) };
    };
    expect(v2.check(withBody(post, (b) => (b.description = 'x'), 'requestBody')).join()).toMatch(/must NOT have additional properties/);
    expect(v2.check(withBody(post, (b) => (b.discount_rules = [{ type: 'all', method: 'percent', amount: 5 }]), 'requestBody')).join()).toMatch(
      /amount must be string/,
    );
    expect(v2.check(withBody(post, (b) => (b.id = 'seven'), 'responseBody')).join()).toMatch(/response\/id must be integer/);
    expect(v3.check({ ...list, query: new URLSearchParams('limit=250&email=a@b.c') }).join()).toMatch(/must NOT have additional properties/);
    expect(v3.check({ ...list, query: new URLSearchParams('page=first') }).join()).toMatch(/page must be integer/);
    expect(v2.check({ ...post, requestHeaders: { 'content-type': 'application/json', 'x-auth-token': 't' } }).join()).toMatch(/required header Accept missing/);
    expect(v3.check({ ...list, status: 404 }).join()).toMatch(/status 404 is not documented/);
  });
});
