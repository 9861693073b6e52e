import { describe, expect, it } from 'vitest';
import type { GroupRef, Plan } from '../../src/model.js';
import { summarize } from '../../src/plan/plan.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { ProviderInfo } from '../../src/render/plan-view.js';
import { member, samplePlan, swapPlan } from './sample-plan.js';

const withEstimate = (): Plan => ({
  ...samplePlan(),
  estimate: [
    { provider: 'bc', calls: 3, seconds: 0 },
    { provider: 'cl', calls: 3, seconds: null },
    { provider: 'xk', calls: 0, seconds: 0 },
  ],
});

describe('renderMarkdown', () => {
  it('puts the summary and a table per provider first, then each group in a collapsible diff, e-mails masked', () => {
    expect(renderMarkdown(withEstimate())).toBe(
      [
        '### groupform plan',
        '',
        '**Plan: 1 group to add, 1 to change, 1 to delete; 3 customers to move.**',
        '',
        '| Provider | Groups to add | Groups to change | Groups to delete | Customers to move | API calls | Time at rate limit |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| bc | 0 | 1 | 1 | 1 | 3 | no wait |',
        '| cl | 1 | 0 | 0 | 2 | 3 | unknown |',
        '| xk | 0 | 0 | 0 | 0 | 0 | – |',
        '',
        '#### bc',
        '',
        '<details><summary><code>bc/wholesale</code>: update group; 1 customer leaves</summary>',
        '',
        '```diff',
        '~ update group bc/wholesale',
        '-     name: "Trade"',
        '+     name: "Wholesale"',
        '      discount_rules:',
        '        [',
        '          {',
        '-           "amount": "10.0000",',
        '+           "amount": "5.0000",',
        '            "method": "percent",',
        '            "type": "all"',
        '          }',
        '        ]',
        '- 1 customer leaves bc/wholesale',
        '-     o***#7eaa9a@example.com',
        '```',
        '',
        '</details>',
        '',
        '<details><summary><code>bc/#9 (Legacy)</code>: delete group</summary>',
        '',
        '```diff',
        '- delete group bc/#9 (Legacy)',
        '```',
        '',
        '</details>',
        '',
        '#### cl',
        '',
        '<details><summary><code>cl/vip</code>: create group; 2 customers join</summary>',
        '',
        '```diff',
        '+ create group cl/vip',
        '+     name: "VIP"',
        '+     metadata: {',
        '+       "tier": "gold"',
        '+     }',
        '+ 2 customers join cl/vip',
        '~     j***#8c87b4@example.com (from cl/staff)',
        '+     j***#855f96@example.com',
        '```',
        '',
        '</details>',
        '',
        '**Warnings**',
        '',
        '- cl: warning: customer g\\*\\*\\*\\#797831@example.com (group vip) not found on cl',
        '',
      ].join('\n'),
    );
  });

  it("shows a group's temporary-name step with its other changes", () => {
    const text = renderMarkdown(swapPlan(), {});
    expect(text).toContain('<details><summary><code>bc/a</code>: temporary name; update group</summary>');
    expect(text).toContain(
      [
        '~ update group bc/a (temporary name: frees "A")',
        '-     name: "A"',
        '+     name: "B (groupform-tmp-1)"',
        '~ update group bc/a',
        '-     name: "B (groupform-tmp-1)"',
        '+     name: "B"',
      ].join('\n'),
    );
    expect(text).toContain('<details><summary><code>bc/b</code>: update group</summary>');
  });

  it('shows full addresses when masking is turned off', () => {
    const text = renderMarkdown(samplePlan(), { maskEmails: false });
    expect(text).toContain('~     jane@example.com (from cl/staff)');
    expect(text).toContain('customer ghost@example.com (group vip)');
    expect(text).not.toContain('***');
  });

  it('keeps names with backticks inside the code block and escapes Markdown and HTML', () => {
    const plan: Plan = {
      ...samplePlan(),
      changes: [{ kind: 'group', action: 'delete', address: 'bc/#3', provider: 'bc', key: null, id: '3', before: { name: 'A ``` <B>' }, after: null }],
      findings: [{ severity: 'error', code: 'safety-limit', provider: 'bc', message: 'would delete *all* <groups>' }],
    };
    const text = renderMarkdown(plan);
    expect(text).toContain('<summary><code>bc/#3 (A ``` &lt;B&gt;)</code>: delete group</summary>');
    expect(text).toContain('````diff\n- delete group bc/#3 (A ``` <B>)\n````\n');
    expect(text).toContain('**Errors**\n\n- bc: error: would delete \\*all\\* \\<groups\\>\n');
  });

  it('says there is nothing to change, naming the config file', () => {
    const plan: Plan = { ...samplePlan(), changes: [], findings: [] };
    expect(renderMarkdown(plan, { configFile: 'groups.yaml' })).toBe('### groupform plan\n\n**No changes. Live state matches groups.yaml.**\n');
  });
});

describe('renderMarkdown: size', () => {
  const group = (i: number): GroupRef => ({ key: `g${i}`, id: String(i), name: `Group ${i}` });
  const big = (customers: number, groups: number, findings = 0): Plan => {
    const changes = Array.from({ length: customers }, (_, i) =>
      member('bc', `customer-${String(i).padStart(5, '0')}@example.com`, i % 2 ? group(0) : null, group((i % groups) + 1)),
    );
    return {
      ...samplePlan(),
      changes,
      summary: summarize(changes),
      findings: Array.from({ length: findings }, (_, i) => ({
        severity: 'warning' as const,
        code: 'customer-not-found',
        message: `customer ghost${i}@example.com not found`,
      })),
    };
  };

  it('stays under 60,000 characters with 10,000 membership changes, counts exact', () => {
    const text = renderMarkdown(big(10_000, 8, 500));
    expect(text.length).toBeLessThanOrEqual(60_000);
    expect(text).toContain('**Plan: 0 groups to add, 0 to change, 0 to delete; 10000 customers to move.**');
    expect(text).toContain('| bc | 0 | 0 | 0 | 10000 |');
    expect(text).toContain('+ 1250 customers join bc/g1');
    expect(text).toContain('- … and 450 more');
  });

  it('lists fewer customers per group before it drops any group', () => {
    const text = renderMarkdown(big(10_000, 8), { maxChars: 20_000 });
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text.match(/<details>/g)).toHaveLength(8);
    expect(text).toContain('+ 1250 customers join bc/g8');
  });

  it('drops whole groups, and says so, when even their titles do not fit', () => {
    const text = renderMarkdown(big(10_000, 2_000), { maxChars: 60_000 });
    expect(text.length).toBeLessThanOrEqual(60_000);
    const shown = text.match(/<details>/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(10);
    expect(text).toContain(`*${2_000 - shown} more groups not shown here: the comment would be too long. Run \`groupform plan\` for the whole plan.*`);
  });

  it("lists providers in the config's order, each headed with its platform and store", () => {
    const providers: ProviderInfo[] = [
      { name: 'cl', type: 'commercelayer', settings: { base_url: 'https://northwind.commercelayer.io' } },
      { name: 'bc', type: 'bigcommerce', settings: { store_hash: 'abc123' } },
    ];
    const lines = renderMarkdown(withEstimate(), { providers }).split('\n');
    expect(lines.filter((line) => line.startsWith('#### '))).toEqual([
      '#### cl (Commerce Layer, northwind.commercelayer.io)',
      '#### bc (BigCommerce, store abc123)',
    ]);
    expect(lines.filter((line) => /^\| (bc|cl) \|/.test(line)).map((line) => line.slice(2, 4))).toEqual(['cl', 'bc']);
  });
});
