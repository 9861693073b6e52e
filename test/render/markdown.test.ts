import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { samplePlan } from './sample-plan.js';

describe('renderMarkdown', () => {
  it('puts the summary first and each provider in a diff block', () => {
    expect(renderMarkdown(samplePlan())).toBe(
      [
        '### groupform plan',
        '',
        '**Plan: 1 group to add, 1 to change, 1 to delete; 3 customers to move.**',
        '',
        '#### bc',
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
        '-     old@example.com',
        '- delete group bc/#9 (Legacy)',
        '```',
        '',
        '#### cl',
        '',
        '```diff',
        '+ create group cl/vip',
        '+     name: "VIP"',
        '+     metadata: {',
        '+       "tier": "gold"',
        '+     }',
        '+ 2 customers join cl/vip',
        '~     jane@example.com (from cl/staff)',
        '+     john@example.com',
        '```',
        '',
        '**Warnings**',
        '',
        '- cl: warning: customer ghost@example.com (group vip) not found on cl',
        '',
      ].join('\n'),
    );
  });

  it('keeps names with backticks inside the code block and escapes Markdown in findings', () => {
    const plan: Plan = {
      ...samplePlan(),
      changes: [{ kind: 'group', action: 'delete', address: 'bc/#3', provider: 'bc', key: null, id: '3', before: { name: 'A ``` B' }, after: null }],
      findings: [{ severity: 'error', code: 'safety-limit', provider: 'bc', message: 'would delete *all* <groups>' }],
    };
    const text = renderMarkdown(plan);
    expect(text).toContain('````diff\n- delete group bc/#3 (A ``` B)\n````\n');
    expect(text).toContain('**Errors**\n\n- bc: error: would delete \\*all\\* \\<groups\\>\n');
  });

  it('says there is nothing to change, naming the config file', () => {
    const plan: Plan = { ...samplePlan(), changes: [], findings: [] };
    expect(renderMarkdown(plan, { configFile: 'groups.yaml' })).toBe(
      '### groupform plan\n\n**No changes. Live state matches groups.yaml.**\n',
    );
  });
});
