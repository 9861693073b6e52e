// The committed contract (test/contracts/bigcommerce.json) against the official OpenAPI files it is derived
// from. A user's clone does not have those files, so this runs only when BIGCOMMERCE_OPENAPI_DIR names the
// folder holding customers.v2.yml and customers.v3.yml (CI sets it when the files are at hand). It proves
// that the committed contract is exactly what scripts/bigcommerce-contract.ts derives from them, and that
// every patched defect is still in the official file (so a fixed upstream file drops its patch).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractPath, deriveBigCommerceContract, KNOWN_DEFECTS, renderContract } from '../../../scripts/bigcommerce-contract.js';
import { loadContract, type Exchange } from './contract.js';

const dir = process.env.BIGCOMMERCE_OPENAPI_DIR;
const files = dir ? ([join(dir, 'customers.v2.yml'), join(dir, 'customers.v3.yml')] as const) : undefined;
const found = files?.every((f) => existsSync(f)) ?? false;
const reason = dir
  ? `customers.v2.yml / customers.v3.yml not found in BIGCOMMERCE_OPENAPI_DIR=${dir}`
  : 'BIGCOMMERCE_OPENAPI_DIR is not set (the official BigCommerce OpenAPI files are not part of the repository)';

const headers = { accept: 'application/json', 'content-type': 'application/json', 'x-auth-token': 't' };
const exchange = (method: string, path: string, requestBody: unknown, status: number, responseBody: unknown): Exchange => ({
  method,
  path: `/stores/abc/v2${path}`,
  query: new URLSearchParams(),
  requestHeaders: headers,
  requestBody: requestBody === undefined ? '' : JSON.stringify(requestBody),
  status,
  responseBody: JSON.stringify(responseBody),
});
const group = (rules: unknown[]) => ({
  id: 3,
  name: 'Partners',
  is_default: false,
  category_access: { type: 'all' },
  discount_rules: rules,
  date_created: 'Tue, 02 Jan 2024 03:04:05 +0000',
  date_modified: 'Tue, 02 Jan 2024 03:04:05 +0000',
  is_group_for_guests: false,
});
const priceList = [{ type: 'price_list', price_list_id: 3 }];

/** For each defect: an exchange BigCommerce documents as valid, and what the unpatched file says of it. */
const WITNESSES: Record<string, { exchange: Exchange; unpatched: RegExp }> = {
  'full-discount-rules-oneOf': {
    exchange: exchange('GET', '/customer_groups/3', undefined, 200, group([])),
    unpatched: /response\/discount_rules must match exactly one schema in oneOf/,
  },
  'post-put-price-list-required-field': {
    exchange: exchange('POST', '/customer_groups', { name: 'Partners', discount_rules: priceList }, 200, group(priceList)),
    unpatched: /must have required property 'price_list'/,
  },
  'post-put-discount-rules-oneOf': {
    exchange: exchange('PUT', '/customer_groups/3', { discount_rules: [] }, 200, group([])),
    unpatched: /body\/discount_rules must match exactly one schema in oneOf/,
  },
};

if (!found) console.info(`contract-source.test.ts skipped: ${reason}`);

describe.skipIf(!found)(found ? 'BigCommerce contract source' : `BigCommerce contract source (skipped: ${reason})`, () => {
  it('the committed contract is what the script derives from the official files', async () => {
    const derived = renderContract(await deriveBigCommerceContract(files![0], files![1]));
    expect(readFileSync(contractPath, 'utf8')).toBe(derived);
  });

  it('has a witness for every patched defect, valid once patched', async () => {
    expect(Object.keys(WITNESSES).sort()).toEqual(KNOWN_DEFECTS.map((d) => d.id).sort());
    const patched = loadContract(await deriveBigCommerceContract(files![0], files![1]), 'v2');
    for (const { exchange } of Object.values(WITNESSES)) expect(patched.check(exchange)).toEqual([]);
  });

  it.each(KNOWN_DEFECTS.map((d) => [d.id]))('defect %s is still in the official file', async (id) => {
    const without = await deriveBigCommerceContract(
      files![0],
      files![1],
      KNOWN_DEFECTS.filter((d) => d.id !== id),
    );
    const { exchange, unpatched } = WITNESSES[id]!;
    expect(loadContract(without, 'v2').check(exchange).join('\n')).toMatch(unpatched);
  });
});
