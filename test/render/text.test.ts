import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model.js';
import { renderText } from '../../src/render/text.js';
import type { ProviderInfo } from '../../src/render/plan-view.js';
import { member, samplePlan, swapPlan } from './sample-plan.js';

const ESC = '\x1b[';

describe('renderText', () => {
  it('renders every kind of change, Terraform-like, without colour', () => {
    expect(renderText(samplePlan(), { color: false })).toBe(
      [
        'Provider bc',
        '  ~ update group bc/wholesale',
        '      name: "Trade" -> "Wholesale"',
        '      discount_rules:',
        '          [',
        '            {',
        '        -     "amount": "10.0000",',
        '        +     "amount": "5.0000",',
        '              "method": "percent",',
        '              "type": "all"',
        '            }',
        '          ]',
        '  - 1 customer leaves bc/wholesale',
        '      - old@example.com',
        '  - delete group bc/#9 (Legacy)',
        '',
        'Provider cl',
        '  + create group cl/vip',
        '      name: "VIP"',
        '      metadata: {',
        '        "tier": "gold"',
        '      }',
        '  + 2 customers join cl/vip',
        '      ~ jane@example.com (from cl/staff)',
        '      + john@example.com',
        '',
        'Warnings:',
        '  cl: warning: customer ghost@example.com (group vip) not found on cl',
        '',
        'Plan: 1 group to add, 1 to change, 1 to delete; 3 customers to move.',
        '',
      ].join('\n'),
    );
  });

  it('shows a rename through a temporary name as its own step, in the order apply runs it', () => {
    expect(renderText(swapPlan(), { color: false }).split('\n').slice(0, 8)).toEqual([
      'Provider bc',
      '  ~ update group bc/a (temporary name: frees "A")',
      '      name: "A" -> "B (groupform-tmp-1)"',
      '  ~ update group bc/b',
      '      name: "B" -> "A"',
      '  ~ update group bc/a',
      '      name: "B (groupform-tmp-1)" -> "B"',
      '',
    ]);
  });

  it('names a customer by id where its e-mail does not name it alone', () => {
    const vip = { key: 'vip', id: '1', name: 'VIP' };
    const plan: Plan = {
      ...samplePlan(),
      changes: [
        { ...member('xk', '', vip, null), address: 'xk/members/#16', customerId: '16' },
        { ...member('xk', 'twin@example.com', vip, null), address: 'xk/members/#17', customerId: '17' },
      ],
    };
    expect(renderText(plan, { color: false })).toContain(
      ['  - 2 customers leave xk/vip', '      - customer #16 (no e-mail)', '      - twin@example.com (customer #17)'].join('\n'),
    );
  });

  it('colours + green, ~ yellow and - red only when asked', () => {
    const plain = renderText(samplePlan(), { color: false });
    const coloured = renderText(samplePlan(), { color: true });
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(`${ESC}32m  + create group cl/vip${ESC}39m`);
    expect(coloured).toContain(`${ESC}33m  ~ update group bc/wholesale${ESC}39m`);
    expect(coloured).toContain(`${ESC}31m  - delete group bc/#9 (Legacy)${ESC}39m`);
    expect(coloured).toContain(`name: ${ESC}31m"Trade"${ESC}39m -> ${ESC}32m"Wholesale"${ESC}39m`);
    expect(coloured.replace(new RegExp(`${ESC.replace('[', '\\[')}\\d+m`, 'g'), '')).toBe(plain);
  });

  it('says so when there is nothing to change, naming the config file, with findings kept', () => {
    const plan: Plan = { ...samplePlan(), changes: [], findings: [], summary: { groupsToCreate: 0, groupsToUpdate: 0, groupsToDelete: 0, customersToMove: 0 } };
    expect(renderText(plan, { color: false, configFile: 'stores/eu.yaml' })).toBe('No changes. Live state matches stores/eu.yaml.\n');
    const withError: Plan = {
      ...plan,
      findings: [{ severity: 'error', code: 'safety-limit', provider: 'bc', message: 'would delete every group on bc (2 of 2)' }],
    };
    expect(renderText(withError, { color: false })).toBe(
      'Errors:\n  bc: error: would delete every group on bc (2 of 2)\n\nNo changes. Live state matches groups.yaml.\n',
    );
  });

  it('truncates long member lists unless asked for all, and names live-only groups by id and name', () => {
    const legacy = { key: null, id: '9', name: 'Legacy' };
    const changes = Array.from({ length: 23 }, (_, i) => member('bc', `m${String(i).padStart(2, '0')}@x.com`, legacy, null));
    const plan: Plan = { ...samplePlan(), changes, findings: [], summary: { groupsToCreate: 0, groupsToUpdate: 0, groupsToDelete: 0, customersToMove: 23 } };
    const lines = renderText(plan, { color: false }).split('\n');
    expect(lines.slice(0, 3)).toEqual(['Provider bc', '  - 23 customers leave bc/#9 (Legacy)', '      - m00@x.com']);
    expect(lines.filter((line) => line.startsWith('      - '))).toHaveLength(20);
    expect(lines).toContain('      … and 3 more');
    const all = renderText(plan, { color: false, maxMembers: Infinity }).split('\n');
    expect(all.filter((line) => line.startsWith('      - '))).toHaveLength(23);
    expect(all.join('\n')).not.toContain('more');
    expect(all.at(-2)).toBe('Plan: 0 groups to add, 0 to change, 0 to delete; 23 customers to move.');
  });

  it('masks e-mails in member lines and findings when asked', () => {
    const text = renderText(samplePlan(), { color: false, maskEmails: true });
    expect(text).toContain('      ~ j***#8c87b4@example.com (from cl/staff)');
    expect(text).toContain('      + j***#855f96@example.com');
    expect(text).toContain('customer g***#797831@example.com (group vip) not found');
    expect(text).not.toMatch(/[a-z]{2,}@example\.com/);
  });

  it('shows the API cost of the providers it changes before the summary line', () => {
    const plan: Plan = {
      ...samplePlan(),
      estimate: [
        { provider: 'bc', calls: 130, seconds: 390 },
        { provider: 'cl', calls: 3, seconds: null },
        { provider: 'xk', calls: 0, seconds: 0 },
      ],
    };
    expect(renderText(plan, { color: false }).split('\n').slice(-6)).toEqual([
      'API cost:',
      '  bc: 130 API calls, at least 6 min 30 s at the documented rate limit',
      '  cl: 3 API calls, time unknown (no documented rate limit)',
      '',
      'Plan: 1 group to add, 1 to change, 1 to delete; 3 customers to move.',
      '',
    ]);
  });

  it("heads each provider with its platform and store, in the config's order, never a credential", () => {
    const providers: ProviderInfo[] = [
      { name: 'cl', type: 'commercelayer', settings: { base_url: 'https://northwind.commercelayer.io', client_id: 'cl-client' } },
      { name: 'bc', type: 'bigcommerce', settings: { base_url: 'https://api.bigcommerce.com', store_hash: 'abc123' } },
      { name: 'xk', type: 'xtrakit', settings: { base_url: 'https://user:pw@api.xtrakit.com' } },
    ];
    const plan: Plan = {
      ...samplePlan(),
      estimate: [
        { provider: 'bc', calls: 1, seconds: 0 },
        { provider: 'cl', calls: 2, seconds: 0 },
      ],
    };
    const lines = renderText(plan, { color: false, providers }).split('\n');
    expect(lines.filter((line) => line.startsWith('Provider '))).toEqual([
      'Provider cl (Commerce Layer, northwind.commercelayer.io)',
      'Provider bc (BigCommerce, store abc123)',
    ]);
    expect(lines.filter((line) => /^ {2}(bc|cl): \d/.test(line)).map((line) => line.slice(2, 4))).toEqual(['cl', 'bc']);
    expect(lines.join('\n')).not.toMatch(/cl-client|pw/);
  });
});
