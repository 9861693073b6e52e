import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchBaseline, parseBaseline, type BaselineEntry } from '../../src/drift/baseline.js';
import type { DriftItem } from '../../src/drift/classify.js';
import { member } from '../render/sample-plan.js';
import { maskEmailsIn } from '../../src/render/mask.js';

const FILE = 'drift-baseline.yaml';

describe('parseBaseline', () => {
  it('reads entries with their positions', () => {
    const text = [
      '# known drift',
      'items:',
      '  - address: cl/members/jo@example.com',
      '    reason: Sales moves VIPs by hand',
      '    expires: 2026-09-30',
      "  - { address: 'bc/members/*', reason: migration, expires: '2026-10-01' }",
      '',
    ].join('\n');
    expect(parseBaseline(text, FILE)).toEqual({
      entries: [
        { address: 'cl/members/jo@example.com', reason: 'Sales moves VIPs by hand', expires: '2026-09-30', pos: { file: FILE, line: 3, column: 5 } },
        { address: 'bc/members/*', reason: 'migration', expires: '2026-10-01', pos: { file: FILE, line: 6, column: 5 } },
      ],
      findings: [],
    });
  });

  it('reads the example in examples/', () => {
    const text = readFileSync(new URL('../../examples/github-actions/drift-baseline.yaml', import.meta.url), 'utf8');
    const { entries, findings } = parseBaseline(text, 'drift-baseline.yaml');
    expect(findings).toEqual([]);
    expect(entries.map((entry) => entry.address)).toEqual(['bc/members/ava.jones@example.com', 'xk/members/*']);
  });

  it('takes an empty file as no entries', () => {
    expect(parseBaseline('# nothing yet\n', FILE)).toEqual({ entries: [], findings: [] });
  });

  it('reports every problem at its line and column', () => {
    const text = ['items:', '  - address: cl/vip', '    reason: ""', '    expires: 2026-02-30', '    owner: me', '  - address: cl/x', '  - just text', ''].join(
      '\n',
    );
    const { entries, findings } = parseBaseline(text, FILE);
    expect(entries).toEqual([]);
    expect(findings.map((f) => `${f.pos?.line}:${f.pos?.column} ${f.message}`)).toEqual([
      "3:13 entry 1: 'reason' must be a non-empty text",
      "4:14 entry 1: 'expires' must be a date such as 2026-09-30, not '2026-02-30'",
      "5:5 entry 1: unknown field 'owner'; the fields are address, reason, expires",
      '6:5 entry 2 needs reason, expires',
      '7:5 entry 3 must be a mapping with address, reason and expires',
    ]);
    expect(findings.every((f) => f.severity === 'error' && f.code === 'baseline-invalid')).toBe(true);
  });

  it('reports a YAML syntax error and a file of the wrong shape', () => {
    expect(parseBaseline('items: [a, \n', FILE).findings[0]).toMatchObject({ pos: { file: FILE, line: 2 } });
    expect(parseBaseline('- address: cl/vip\n', FILE).findings.map((f) => f.message)).toEqual([
      `${FILE} must hold \`items:\`, a list of entries with address, reason and expires`,
    ]);
  });
});

describe('matchBaseline', () => {
  const item = (email: string): DriftItem => {
    const change = member('cl', email, null, { key: 'vip', id: '1', name: 'VIP' });
    return { address: change.address, change, classification: 'unknown', liveUpdatedAt: null, configChangedAt: null };
  };
  const entry = (address: string, expires: string): BaselineEntry => ({ address, reason: 'r', expires, pos: { file: FILE, line: 1, column: 1 } });

  it('silences matching drift through the expiry day, and reports expired and unused entries', () => {
    const items = [item('a@x.com'), item('b@x.com'), item('c@x.com')];
    const entries = [entry('cl/members/a@x.com', '2026-05-01'), entry('cl/members/b*', '2026-04-30'), entry('cl/members/gone@x.com', '2026-12-31')];
    const result = matchBaseline(items, entries, '2026-05-01');
    expect(result.silenced.map(({ item: i, entry: e }) => [i.address, e.address])).toEqual([['cl/members/a@x.com', 'cl/members/a@x.com']]);
    expect(result.active.map((i) => i.address)).toEqual(['cl/members/b@x.com', 'cl/members/c@x.com']);
    expect(result.expired.map((e) => e.address)).toEqual(['cl/members/b*']);
    expect(result.unused.map((e) => e.address)).toEqual(['cl/members/gone@x.com']);
  });

  it('matches an address as a masked report shows it, and only that customer', () => {
    const items = [item('bob@x.com'), item('bill@x.com')];
    const masked = maskEmailsIn('cl/members/bob@x.com');
    expect(masked).toMatch(/^cl\/members\/b\*\*\*#[0-9a-f]{6}@x\.com$/);
    const result = matchBaseline(items, [entry(masked, '2030-01-01')], '2026-01-01');
    expect(result.silenced.map(({ item: i }) => i.address)).toEqual(['cl/members/bob@x.com']);
    expect(result.active.map((i) => i.address)).toEqual(['cl/members/bill@x.com']);
  });

  it('matches a masked address of a keyed report only with the same key', () => {
    const masked = maskEmailsIn('cl/members/bob@x.com', 'k1');
    expect(matchBaseline([item('bob@x.com')], [entry(masked, '2030-01-01')], '2026-01-01', 'k1').silenced).toHaveLength(1);
    expect(matchBaseline([item('bob@x.com')], [entry(masked, '2030-01-01')], '2026-01-01').silenced).toHaveLength(0);
  });

  it('lets one pattern silence many items', () => {
    const result = matchBaseline([item('a@x.com'), item('b@x.com')], [entry('cl/members/*', '2030-01-01')], '2026-01-01');
    expect(result.active).toEqual([]);
    expect(result.silenced).toHaveLength(2);
  });
});
