import { describe, expect, it } from 'vitest';
import type { ApplyResult, ItemResult } from '../../src/apply/result.js';
import { renderResults } from '../../src/render/results.js';
import { assign, createGroup, deleteGroup, emails, ref, unassign, updateGroup } from '../apply/fake-provider.js';

function resultOf(items: ItemResult[], warnings: string[] = []): ApplyResult {
  const count = (status: ItemResult['status']) => items.filter((i) => i.status === status).length;
  return { items, done: count('done'), failed: count('failed'), notAttempted: count('not-attempted'), warnings };
}

const interrupted = { message: 'not started: the run was interrupted', code: 'interrupted' };

describe('renderResults', () => {
  it('says only the counts when everything was done', () => {
    const result = resultOf([{ change: createGroup('cl', 'vip'), status: 'done', id: '1' }]);
    expect(renderResults(result, { color: false })).toBe('Apply complete: 1 done, 0 failed, 0 not attempted.\n');
  });

  it('lists failures with their message, and what was not attempted grouped by reason', () => {
    const created = { message: 'group cl/vip was not created (its create failed)', code: 'dependency-failed' };
    const result = resultOf(
      [
        {
          change: createGroup('cl', 'vip'),
          status: 'failed',
          error: { message: 'cl: POST /api/customer_groups failed (HTTP 422): code taken', code: 'api-error' },
        },
        { change: updateGroup('cl', 'gold', '4'), status: 'done', id: '4' },
        { change: assign('cl', 'a@example.com', ref('vip', null)), status: 'not-attempted', error: created },
        { change: assign('cl', 'b@example.com', ref('gold', '4'), ref('old', '2')), status: 'failed', error: { message: 'b@example.com is locked' } },
        { change: assign('cl', 'c@example.com', ref('vip', null)), status: 'not-attempted', error: created },
        { change: unassign('cl', 'd@example.com', ref('old', '2')), status: 'not-attempted', error: interrupted },
        { change: deleteGroup('cl', '2'), status: 'not-attempted', error: interrupted },
      ],
      ['bc/vip: discount rules were not saved'],
    );
    expect(renderResults(result, { color: false })).toBe(
      [
        'Apply complete: 1 done, 2 failed, 4 not attempted.',
        '',
        'Failed:',
        '  cl/vip (create group): cl: POST /api/customer_groups failed (HTTP 422): code taken',
        '  cl/members/b@example.com (move to gold): b@example.com is locked',
        '',
        'Not attempted:',
        '  group cl/vip was not created (its create failed):',
        '    cl/members/a@example.com (assign to vip)',
        '    cl/members/c@example.com (assign to vip)',
        '  not started: the run was interrupted:',
        '    cl/members/d@example.com (unassign from old)',
        '    cl/#2 (delete group)',
        '',
        'Warnings:',
        '  bc/vip: discount rules were not saved',
        '',
        'Run `groupform plan` to see what remains.',
        '',
      ].join('\n'),
    );
  });

  it('shortens long lists, as after an interrupted run of thousands', () => {
    const items: ItemResult[] = emails(25).map((email) => ({
      change: assign('xk', email, ref('vip', '1')),
      status: 'not-attempted',
      error: interrupted,
    }));
    const lines = renderResults(resultOf(items), { color: false }).split('\n');
    expect(lines.filter((line) => line.startsWith('    xk/members/'))).toHaveLength(20);
    expect(lines).toContain('    … and 5 more');
  });

  it('colours only when asked', () => {
    const result = resultOf([{ change: createGroup('cl', 'vip'), status: 'failed', error: { message: 'no' } }]);
    expect(renderResults(result, { color: true })).toContain('\x1b[31mApply complete: 0 done, 1 failed, 0 not attempted.\x1b[39m');
    expect(renderResults(result, { color: false })).not.toContain('\x1b[');
  });
});

describe('renderResults: masking', () => {
  it('masks every e-mail address in the summary when asked', () => {
    const change = assign('cl', 'jo@example.com', ref('vip', '1'));
    const text = renderResults(resultOf([{ change, status: 'failed', error: { message: 'jo@example.com is locked' } }]), { color: false, maskEmails: true });
    expect(text).toContain('  cl/members/j***#f4e19d@example.com (assign to vip): j***#f4e19d@example.com is locked');
    expect(text).not.toContain('jo@example.com');
  });
});
