// Writes examples/sandbox/state.json: the sandbox's starting point, a realistic merchant (a few hundred
// customers per platform) whose live state has drifted from groups.yaml in every way a plan can show:
// a renamed group, changed metadata and discounts, missing groups, members to add, move and remove, a
// declared customer the platform lacks, and (on Xtrakit, which prunes) a stale group and an ignored one.
// Run: npx tsx examples/sandbox/generate.ts — the output is deterministic.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCommerceLayerState } from '../../src/emulators/commercelayer/index.js';
import { parseBigCommerceState } from '../../src/emulators/bigcommerce/index.js';
import { v2Date as bcV2Date, v3Date as bcV3Date } from '../../src/emulators/bigcommerce/state.js';

const FIRST = [
  'ava',
  'liam',
  'olivia',
  'ethan',
  'noah',
  'emma',
  'mia',
  'lucas',
  'sophia',
  'jack',
  'isla',
  'zoe',
  'leo',
  'grace',
  'oscar',
  'chloe',
  'henry',
  'ella',
  'james',
  'amelia',
  'harry',
  'lily',
  'george',
  'freya',
  'arthur',
];
const LAST = [
  'jones',
  'smith',
  'brown',
  'clarke',
  'wilson',
  'taylor',
  'davies',
  'evans',
  'thomas',
  'roberts',
  'walker',
  'hall',
  'wright',
  'green',
  'hughes',
  'wood',
  'turner',
  'hill',
  'cooper',
  'ward',
];

/** Everyone groups.yaml names, and who each platform has of them (ethan.clarke is missing on Commerce Layer). */
const DECLARED = [
  'ava.jones',
  'liam.smith',
  'olivia.brown',
  'ethan.clarke',
  'noah.wilson',
  'emma.taylor',
  'mia.davies',
  'lucas.evans',
  'sophia.thomas',
  'jack.roberts',
  'isla.walker',
];

function people(count: number): { first: string; last: string; email: string }[] {
  const out: { first: string; last: string; email: string }[] = [];
  for (let i = 0; out.length < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const n = Math.floor(i / (FIRST.length * LAST.length));
    out.push({ first, last, email: `${first}.${last}${n ? n : ''}@example.com` });
  }
  return out;
}

const crowd = people(320);
const at = (day: number): string => new Date(Date.UTC(2026, 0, 1 + day, 9, 30)).toISOString();
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Commerce Layer ids are 10 letters: a prefix, then the number in base 52. */
function clId(n: number, prefix: string): string {
  let id = '';
  for (let x = n; id.length < 10 - prefix.length; x = Math.floor(x / 52)) id = LETTERS[x % 52] + id;
  return prefix + id;
}

// ---- Commerce Layer ----
const clGroups = [
  {
    id: clId(1, 'grpVip'),
    name: 'VIP Customers',
    code: 'vip',
    reference: 'crm-vip',
    reference_origin: 'northwind-crm',
    metadata: { tier: 'silver', free_shipping: true },
  },
  { id: clId(2, 'grpSpring'), name: 'Spring Sale 2025', code: 'spring25', reference: null, reference_origin: null, metadata: {} },
].map((g) => ({ ...g, created_at: at(3), updated_at: at(40) }));
const clMembership: Record<string, string | null> = {
  'ava.jones@example.com': clGroups[0]!.id, // already right
  'zoe.jones@example.com': clGroups[0]!.id, // not declared: leaves VIP (authoritative)
  'olivia.brown@example.com': clGroups[1]!.id, // moves from an unmanaged group into VIP
};
const clCustomers = crowd
  .filter((p) => p.email !== 'ethan.clarke@example.com')
  .map((p, i) => ({
    id: clId(1000 + i, 'cus'),
    email: p.email,
    customer_group_id: clMembership[p.email] ?? (i % 17 === 5 ? clGroups[1]!.id : null),
    status: (['prospect', 'acquired', 'repeat'] as const)[i % 3]!,
    reference: null,
    reference_origin: null,
    metadata: {},
    created_at: at(i % 60),
    updated_at: at(60 + (i % 30)),
  }));
const commercelayer = parseCommerceLayerState({
  organization: { slug: 'northwind-outfitters', id: 'OrgNorthwd' },
  customer_groups: clGroups,
  customers: clCustomers,
});

// ---- BigCommerce: the main store and a second (EU) store for examples/multi-store.yaml ----
const day = (n: number): Date => new Date(Date.UTC(2026, 0, 1 + n, 9, 30));
const v2Date = (n: number): string => bcV2Date(day(n));
const v3Date = (n: number): string => bcV3Date(day(n));
const bcGroups = [
  { id: 1, name: 'Retail', is_default: true, is_group_for_guests: false, category_access: { type: 'all' }, discount_rules: [] },
  {
    id: 2,
    name: 'VIP',
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }],
  },
  {
    id: 3,
    name: 'Wholesale',
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'specific', categories: [24, 18, 23] },
    discount_rules: [{ type: 'price_list', price_list_id: 2 }],
  },
  {
    id: 4,
    name: 'Staff',
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [{ type: 'all', method: 'percent', amount: '20.0000' }],
  },
].map((g) => ({ ...g, date_created: v2Date(2), date_modified: v2Date(35) }));
const bcMembership: Record<string, number> = {
  'ava.jones@example.com': 2,
  'liam.smith@example.com': 2,
  'noah.wilson@example.com': 3,
  'mia.davies@example.com': 4,
  'grace.jones@example.com': 4, // not declared in Staff: leaves it
  'buying@harbor-goods.example.com': 1,
};
const bcPeople = [...crowd, { first: 'Harbor', last: 'Goods', email: 'buying@harbor-goods.example.com' }];
const bcCustomers = bcPeople.map((p, i) => ({
  id: i + 1,
  email: p.email,
  first_name: cap(p.first),
  last_name: cap(p.last),
  customer_group_id: bcMembership[p.email] ?? (i % 4 === 0 ? 1 : i % 23 === 7 ? 3 : 0),
  date_created: v3Date(i % 60),
  date_modified: v3Date(60 + (i % 30)),
}));
const euCustomers = crowd.slice(0, 120).map((p, i) => ({
  id: i + 1,
  email: p.email,
  first_name: cap(p.first),
  last_name: cap(p.last),
  customer_group_id: i % 5 === 0 ? 1 : 0,
  date_created: v3Date(i % 60),
  date_modified: v3Date(60 + (i % 30)),
}));
const bigcommerce = parseBigCommerceState({
  stores: {
    sandbox1: { customer_groups: bcGroups, customers: bcCustomers },
    sandbox2: { customer_groups: [{ ...bcGroups[0]!, name: 'Retail EU' }], customers: euCustomers },
  },
});

// ---- Xtrakit (prune: true, ignore "Legacy *") ----
const xtTime = (day: number): string => at(day).slice(0, 19).replace('T', ' ');
const xkGroups = [
  { id: 1, group_name: 'VIP', group_description: 'Spent over $1,000 last year' },
  { id: 2, group_name: 'Wholesale', group_description: 'Trade accounts that buy at wholesale prices' },
  { id: 3, group_name: 'Legacy Spring Promo', group_description: 'Kept for the 2024 campaign reports' },
  { id: 4, group_name: 'Beta testers', group_description: null },
].map((g) => ({ ...g, user_id: '5b0c1f9e-7d2a-4c1e-9a57-3f0b8d6e2a41', business_code: 'XK1001', created_at: xtTime(5), updated_at: xtTime(30) }));
const xkMembership: Record<string, number> = {
  'ava.jones@example.com': 1,
  'liam.smith@example.com': 1,
  'olivia.brown@example.com': 4,
  'emma.taylor@example.com': 2,
  'jack.roberts@example.com': 3,
};
const CITIES = [
  ['Leeds', 'West Yorkshire'],
  ['Bristol', 'Bristol'],
  ['York', 'North Yorkshire'],
  ['Bath', 'Somerset'],
] as const;
const xkCustomers = crowd.slice(0, 280).map((p, i) => {
  const [city, state] = CITIES[i % CITIES.length]!;
  return {
    id: i + 1,
    user_id: '5b0c1f9e-7d2a-4c1e-9a57-3f0b8d6e2a41',
    business_code: 'XK1001',
    customer_group_id: xkMembership[p.email] ?? (i % 29 === 11 ? 4 : null),
    customer_name: `${cap(p.first)} ${cap(p.last)}`,
    customer_email: p.email,
    customer_phone: `+44 7700 9${String(i).padStart(5, '0')}`,
    customer_whatsapp: null,
    customer_country: 'GB',
    customer_city: city,
    customer_state: state,
    customer_zip: null,
    address1: `${10 + i} High Street`,
    address2: null,
    customer_profile: null,
    created_by: 'import',
    created_at: xtTime(i % 60),
    updated_at: xtTime(60 + (i % 30)),
  };
});
const xtrakit = { business_code: 'XK1001', user_id: '5b0c1f9e-7d2a-4c1e-9a57-3f0b8d6e2a41', customer_groups: xkGroups, customers: xkCustomers };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

for (const name of DECLARED) {
  if (!crowd.some((p) => p.email === `${name}@example.com`)) throw new Error(`${name} is not in the generated crowd`);
}
const out = fileURLToPath(new URL('./state.json', import.meta.url));
writeFileSync(out, JSON.stringify({ $comment: 'Generated by examples/sandbox/generate.ts', commercelayer, bigcommerce, xtrakit }, null, 1) + '\n');
console.log(`wrote ${out}`);
