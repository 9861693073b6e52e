import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/errors.js';
import { plan } from '../../src/plan/plan.js';
import { buildSavedPlan, checkConfigHash, serializeSavedPlan, type SavedPlan } from '../../src/plan/saved.js';
import { parseSavedPlan } from '../../src/plan/saved-file.js';
import { findStale } from '../../src/plan/stale.js';
import { renderJson } from '../../src/render/json.js';
import { schemaErrors, schemaValidator } from '../helpers/schemas.js';
import { CAPABILITIES, desired, group, instance, live, liveGroup, options } from './fixtures.js';
import { CREATED, scenario } from './saved-scenario.js';

describe('buildSavedPlan', () => {
  it('wraps the plan with its config hash, creation time and a precondition per change', () => {
    const { result, saved } = scenario();
    expect(saved).toMatchObject({ format: 'groupform-plan', formatVersion: 1, createdAt: CREATED, configHash: 'config-hash', plan: result });
    expect(saved.preconditions).toEqual({
      'cl/vip': { kind: 'group-absent', by: 'code', value: 'vip' },
      // Every declared field, the unchanged name too; not the undeclared reference.
      'cl/staff': { kind: 'group', id: 's1', attributes: { name: 'Staff', metadata: { tier: 1 } } },
      'cl/members/a@x.com': { kind: 'customer', id: 'ca', groupId: null },
      'cl/members/d@x.com': { kind: 'customer', id: 'cd', groupId: 'L1' },
      'cl/members/z@x.com': { kind: 'customer', id: 'cz', groupId: 's1' },
      'cl/#L1': { kind: 'group', id: 'L1', attributes: { name: 'Legacy' } },
      'bc/members/c@x.com': { kind: 'customer', id: 'bc', groupId: '9' },
    });
    expect(saved.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('looks for a name where the platform matches groups by name', () => {
    const state = desired([group('bc', 'vip', { name: 'V.I.P.' })], [instance('bc')]);
    const result = plan(state, [live('bc')], options());
    const saved = buildSavedPlan(result, { desired: state, live: [live('bc')], capabilities: CAPABILITIES, createdAt: CREATED });
    expect(saved.preconditions['bc/vip']).toEqual({ kind: 'group-absent', by: 'name', value: 'V.I.P.' });
  });

  it('carries a rename through a temporary name, and a create whose name a rename frees, still fresh before apply', () => {
    const xk = { ...CAPABILITIES.xk!, identity: 'name-ignoring-case' as const };
    const capabilities = { ...CAPABILITIES, xk };
    const state = desired(
      [
        group('xk', 'a', { name: 'B', pinnedId: '1' }),
        group('xk', 'b', { name: 'A', pinnedId: '2' }),
        group('xk', 'b2b', { name: 'Spring Sale', pinnedId: '12' }),
        group('xk', 'VIP', { name: 'Wholesale' }),
      ],
      [instance('xk')],
    );
    const liveState = [live('xk', [liveGroup('1', 'A'), liveGroup('2', 'B'), liveGroup('12', 'Wholesale')])];
    const result = plan(state, liveState, options({ capabilities }));
    const saved = buildSavedPlan(result, { desired: state, live: liveState, capabilities, createdAt: CREATED });
    expect(saved.preconditions).toEqual({
      'xk/a:temporary-name': { kind: 'group', id: '1', attributes: { name: 'A' } },
      'xk/b': { kind: 'group', id: '2', attributes: { name: 'B' } },
      'xk/a': { kind: 'group', id: '1', attributes: { name: 'A' } },
      'xk/b2b': { kind: 'group', id: '12', attributes: { name: 'Wholesale' } },
      'xk/VIP': { kind: 'group-absent', by: 'name-ignoring-case', value: 'Wholesale', freedBy: ['12'] },
    });
    const text = serializeSavedPlan(saved);
    expect(schemaErrors(schemaValidator('saved-plan.schema.json'), JSON.parse(text))).toEqual([]);
    expect(parseSavedPlan(text, 'plan.json')).toEqual(saved);
    // Read again before anything ran: every name is where the plan found it, so nothing is stale.
    expect(findStale(saved, liveState)).toEqual([]);
    // A fourth group taking the name meanwhile makes the create stale.
    const taken = [live('xk', [...liveState[0]!.groups, liveGroup('13', 'wholesale')])];
    expect(findStale(saved, taken).map((item) => item.address)).toEqual(['xk/VIP']);
  });

  it('writes a file valid against schemas/saved-plan.schema.json, with no secret in it', () => {
    const { saved } = scenario();
    const text = serializeSavedPlan(saved);
    expect(schemaErrors(schemaValidator('saved-plan.schema.json'), JSON.parse(text))).toEqual([]);
    expect(text).not.toMatch(/secret|token|api_key/i);
  });
});

describe('parseSavedPlan', () => {
  const text = () => serializeSavedPlan(scenario().saved);
  const refusal = (input: string): string => {
    try {
      parseSavedPlan(input, 'plan.json');
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      return (error as Error).message;
    }
    throw new Error('not refused');
  };

  it('reads back what was written', () => {
    expect(parseSavedPlan(text(), 'plan.json')).toEqual(scenario().saved);
  });

  it('refuses other files with a message that says what they are', () => {
    expect(refusal('{ nope')).toMatch(/^plan.json is not a saved plan: it is not JSON/);
    expect(refusal('{"hello": 1}')).toMatch(/^plan.json is not a groupform saved plan; make a new one/);
    expect(refusal(renderJson(scenario().result))).toMatch(/printed by `--format json`.*groupform plan --out plan.json/);
    expect(refusal(text().replace('"formatVersion": 1,\n  "plan"', '"formatVersion": 2,\n  "plan"'))).toMatch(
      /format version 2, and this groupform reads version 1/,
    );
  });

  it('refuses a hand-edited file: by its schema, or by its checksum', () => {
    const data = JSON.parse(text()) as SavedPlan;
    data.plan.changes[0]!.action = 'replace' as 'create';
    expect(refusal(JSON.stringify(data))).toMatch(
      /not a valid saved plan \(was it edited\?\): \/plan\/changes\/0\/action must be equal to one of the allowed values/,
    );
    const edited = text().replace('"a@x.com"', '"mallory@x.com"');
    expect(edited).not.toBe(text());
    expect(refusal(edited)).toMatch(/changed after groupform wrote it/);
  });
});

describe('checkConfigHash', () => {
  it('refuses a plan made from another config', () => {
    const { saved } = scenario();
    expect(() => checkConfigHash(saved, 'config-hash', 'plan.json', 'groups.yaml')).not.toThrow();
    expect(() => checkConfigHash(saved, 'other', 'plan.json', 'groups.yaml')).toThrow(/plan.json was made from another version of groups.yaml/);
  });
});
