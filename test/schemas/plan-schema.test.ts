import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import { plan } from '../../src/plan/plan.js';
import { renderJson } from '../../src/render/json.js';
import { FakeProvider, assign, createGroup, deleteGroup, planOf, providersOf, ref, updateGroup } from '../apply/fake-provider.js';
import { schemaErrors, schemaValidator } from '../helpers/schemas.js';
import { customer, desired, group, instance, live, liveGroup, options } from '../plan/fixtures.js';
import { samplePlan, swapPlan } from '../render/sample-plan.js';

const planSchema = schemaValidator('plan.schema.json');
const resultSchema = schemaValidator('apply-result.schema.json');

describe('schemas/plan.schema.json', () => {
  it('describes what renderJson prints for a planner-made plan with every kind of change and a finding', () => {
    const state = desired(
      [
        group('bc', 'vip', { members: ['a@x.com', 'b@x.com'], attributes: { name: 'VIP', discount_rules: [{ type: 'all' }] } }),
        group('bc', 'new', { members: ['c@x.com', 'ghost@x.com'] }),
      ],
      [instance('bc', { prune: true })],
    );
    const result = plan(
      state,
      [
        live(
          'bc',
          [liveGroup('1', 'VIP'), liveGroup('2', 'Old')],
          [customer('a', 'a@x.com', '2'), customer('b', 'b@x.com'), customer('c', 'c@x.com'), customer('d', 'd@x.com', '1')],
        ),
      ],
      options(),
    );
    expect(new Set(result.changes.map((change) => `${change.kind} ${change.action}`)).size).toBe(6);
    expect(result.findings.map((finding) => finding.code)).toContain('customer-not-found');
    expect(schemaErrors(planSchema, JSON.parse(renderJson(result)))).toEqual([]);
  });

  it('describes the hand-made sample plan and a refused plan with positions', () => {
    const refused = {
      ...samplePlan(),
      findings: [{ severity: 'error', code: 'ambiguous-group', message: 'm', provider: 'cl', pos: { file: 'groups.yaml', line: 3, column: 5 } }],
    };
    expect(schemaErrors(planSchema, JSON.parse(renderJson(samplePlan())))).toEqual([]);
    expect(schemaErrors(planSchema, refused)).toEqual([]);
  });

  it('describes a planner-made swap through a temporary name, and refuses a temporary step that is not a rename', () => {
    const swap = plan(
      desired([group('bc', 'a', { name: 'B', pinnedId: '1' }), group('bc', 'b', { name: 'A', pinnedId: '2' })], [instance('bc')]),
      [live('bc', [liveGroup('1', 'A'), liveGroup('2', 'B')])],
      options(),
    );
    expect(swap.changes.some((change) => change.kind === 'group' && change.temporary)).toBe(true);
    expect(schemaErrors(planSchema, JSON.parse(renderJson(swap)))).toEqual([]);
    const [step] = swapPlan().changes;
    expect(schemaErrors(planSchema, { ...swapPlan(), changes: [{ ...step, action: 'delete', after: null }] })).not.toEqual([]);
    expect(schemaErrors(planSchema, { ...swapPlan(), changes: [{ ...step, temporary: false }] })).not.toEqual([]);
  });

  it('rejects what is not a plan: unknown fields, a create with an id, an unknown action', () => {
    const sample = JSON.parse(renderJson(samplePlan())) as { changes: Record<string, unknown>[] } & Record<string, unknown>;
    expect(schemaErrors(planSchema, { ...sample, extra: 1 })).not.toEqual([]);
    const [create] = sample.changes;
    expect(schemaErrors(planSchema, { ...sample, changes: [{ ...create, id: '5' }] })).not.toEqual([]);
    expect(schemaErrors(planSchema, { ...sample, changes: [{ ...create, action: 'replace' }] })).not.toEqual([]);
    expect(schemaErrors(planSchema, { ...sample, changes: [{ ...sample.changes[2], email: undefined }] })).not.toEqual([]);
  });
});

describe('schemas/apply-result.schema.json', () => {
  it('describes an ApplyResult with done, failed and not-attempted items', async () => {
    const cl = new FakeProvider('cl');
    cl.failing.add('cl/new');
    cl.warnings.set('cl/old', 'discounts not updated');
    const result = await applyPlan(
      planOf([
        createGroup('cl', 'new'),
        updateGroup('cl', 'old', '5'),
        assign('cl', 'x@example.com', ref('new', null)),
        assign('cl', 'y@example.com', ref('old', '5')),
        deleteGroup('cl', '9'),
      ]),
      providersOf(cl),
      { output: 'silent' },
    );
    expect(result.failed).toBe(1);
    expect(result.notAttempted).toBe(1);
    expect(result.warnings).toHaveLength(1);
    expect(schemaErrors(resultSchema, JSON.parse(JSON.stringify(result)))).toEqual([]);
  });

  it('requires a reason on items that did not happen', () => {
    const item = { change: JSON.parse(renderJson(samplePlan())).changes[0], status: 'failed' };
    expect(schemaErrors(resultSchema, { items: [item], done: 0, failed: 1, notAttempted: 0, warnings: [] })).not.toEqual([]);
  });
});
