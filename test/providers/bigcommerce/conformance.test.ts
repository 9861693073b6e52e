// Conformance to BigCommerce's official OpenAPI files (bigcommerce/docs reference/customers.v2.yml and
// customers.v3.yml): a full read / create / update / membership / delete / read cycle, driven by the adapter
// against the emulator through a recording proxy; every request the adapter sends and every response the
// emulator returns must validate. The file's known defects are listed below, each patched as narrowly as
// possible and each proven still present; everything else is validated strictly (objects closed).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator, type BigCommerceState } from '../../../src/emulators/bigcommerce/index.js';
import type { Attributes } from '../../../src/model.js';
import { createBigCommerceProvider } from '../../../src/providers/bigcommerce/index.js';
import { bcInstance, declared, groupChange, move } from './helpers.js';
import { bigCommerceSpecDir, loadContract, type Contract, type Exchange, type KnownDefect } from './openapi.js';
import { startRecorder, type Recorder } from './recorder.js';

type Node = { [key: string]: unknown };
const rulesOf = (doc: { components?: { schemas?: Record<string, Node> } }, schema: string) =>
  (doc.components!.schemas![schema]!.properties as Node).discount_rules as Node;

/** The known defects of customers.v2.yml (shared/providers/README.md §2.1). customers.v3.yml needs none. */
const V2_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'full-discount-rules-oneOf',
    description:
      'customerGroup_Full.discount_rules is a oneOf of four array schemas that overlap (no branch excludes the ' +
      'others), so every rule list, [] included, matches several and fails "must match exactly one schema". Read as anyOf.',
    patch: (doc) => {
      const rules = rulesOf(doc, 'customerGroup_Full');
      rules.anyOf = rules.oneOf;
      delete rules.oneOf;
    },
  },
  {
    id: 'post-put-price-list-required-field',
    description:
      'customerGroup_Post_Put: the price-list rule requires a field `price_list`, where the API, its examples and ' +
      'the property the same schema declares are `price_list_id`. Required as `price_list_id`.',
    patch: (doc) => {
      const priceList = ((rulesOf(doc, 'customerGroup_Post_Put').oneOf ?? rulesOf(doc, 'customerGroup_Post_Put').anyOf) as Node[])[0]!;
      (priceList.items as Node).required = ['type', 'price_list_id'];
    },
  },
  {
    id: 'post-put-discount-rules-oneOf',
    description:
      'customerGroup_Post_Put.discount_rules: an empty list (which clears the rules) matches both branches of the ' +
      'oneOf and so fails "must match exactly one schema". Read as anyOf.',
    patch: (doc) => {
      const rules = rulesOf(doc, 'customerGroup_Post_Put');
      rules.anyOf = rules.oneOf;
      delete rules.oneOf;
    },
  },
];

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
const specDir = () => bigCommerceSpecDir();

beforeAll(async () => {
  [v2, v3] = await Promise.all([loadContract(join(specDir(), 'customers.v2.yml'), V2_DEFECTS), loadContract(join(specDir(), 'customers.v3.yml'))]);
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
    discount_rules: [{ type: 'all', method: 'percent', amount: 5 }, { type: 'product', method: 'fixed', amount: 2, product_id: 9 }],
  };
  const partners: Attributes = {
    name: 'Partners',
    category_access: { type: 'specific', categories: [18, 19] },
    discount_rules: [{ type: 'price_list', price_list_id: 3 }],
  };
  const wholesale: Attributes = { name: 'Wholesale', is_default: false, discount_rules: [{ type: 'category', method: 'percent', amount: 10, category_id: 7 }] };
  const live = await provider.read({
    groups: [declared('vip', vip), declared('partners', partners), declared('wholesale', wholesale), declared('legacy', { name: 'Legacy' }, { pinnedId: '252' })],
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
    const operations = new Set(
      recorder.exchanges.map((ex) => `${ex.method} ${ex.path.replace(/^\/stores\/[^/]+/, '').replace(/\/\d+$/, '/{id}')}`),
    );
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
    expect(v2.check(withBody(post, (b) => (b.discount_rules = [{ type: 'all', method: 'percent', amount: 5 }]), 'requestBody')).join()).toMatch(/amount must be string/);
    expect(v2.check(withBody(post, (b) => (b.id = 'seven'), 'responseBody')).join()).toMatch(/response\/id must be integer/);
    expect(v3.check({ ...list, query: new URLSearchParams('limit=250&email=a@b.c') }).join()).toMatch(/must NOT have additional properties/);
    expect(v3.check({ ...list, query: new URLSearchParams('page=first') }).join()).toMatch(/page must be integer/);
    expect(v2.check({ ...post, requestHeaders: { 'content-type': 'application/json', 'x-auth-token': 't' } }).join()).toMatch(/required header Accept missing/);
    expect(v3.check({ ...list, status: 404 }).join()).toMatch(/status 404 is not documented/);
  });

  it('lists only defects the official file really has', async () => {
    const file = join(specDir(), 'customers.v2.yml');
    const post = recorder.exchanges.find((ex) => ex.method === 'POST' && ex.requestBody.includes('price_list_id'))!;
    const cleared = { ...post, requestBody: JSON.stringify({ discount_rules: [] }), path: post.path + '/1', method: 'PUT' };
    // Legacy has no rules: `[]`, which every branch of the response's oneOf matches.
    const retrieve = recorder.exchanges.find((ex) => ex.method === 'GET' && ex.path.endsWith('/customer_groups/252'))!;
    const without = async (id: string) => loadContract(file, V2_DEFECTS.filter((d) => d.id !== id));
    expect((await without('full-discount-rules-oneOf')).check(retrieve).join()).toMatch(/response\/discount_rules must match exactly one schema in oneOf/);
    expect((await without('post-put-price-list-required-field')).check(post).join()).toMatch(/must have required property 'price_list'/);
    expect((await without('post-put-discount-rules-oneOf')).check(cleared).join()).toMatch(/body\/discount_rules must match exactly one schema in oneOf/);
  });
});
