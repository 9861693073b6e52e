import { describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_LIMITS, historyEntry, parseHistory, totals, type HistoryEntry } from '../../src/drift/history.js';
import type { DriftReport } from '../../src/drift/report.js';
import { member } from '../render/sample-plan.js';

const vip = { key: 'vip', id: '1', name: 'VIP' };
const entry = (provider: string, classification: DriftReport['drift'][number]['classification']) => {
  const change = member(provider, 'a@example.com', null, vip);
  return { address: change.address, provider, classification, liveUpdatedAt: null, change };
};
const report: DriftReport = {
  formatVersion: 1,
  inSync: false,
  configChangedAt: null,
  expiredBaseline: [],
  unusedBaseline: [],
  findings: [],
  drift: [entry('bc', 'changed-on-platform'), entry('bc', 'changed-on-platform'), entry('cl', 'not-yet-applied')],
  silenced: [{ ...entry('bc', 'unknown'), baseline: { address: 'bc/*', reason: 'r', expires: '2099-01-01', line: 2 } }],
};
const line = (data: unknown): string => JSON.stringify(data);
const good = { time: '2026-11-28T05:00:00.000Z', providers: { bc: { 'changed-on-platform': 1, 'not-yet-applied': 0, unknown: 0, baselined: 0 } } };

describe('drift history', () => {
  it('counts a run per provider checked and class, zeros included, the baselined items apart', () => {
    const run = historyEntry(report, '2026-11-28T05:00:00.000Z', ['cl', 'bc', 'xk']);
    expect(run).toEqual({
      time: '2026-11-28T05:00:00.000Z',
      providers: {
        cl: { 'changed-on-platform': 0, 'not-yet-applied': 1, unknown: 0, baselined: 0 },
        bc: { 'changed-on-platform': 2, 'not-yet-applied': 0, unknown: 0, baselined: 1 },
        xk: { 'changed-on-platform': 0, 'not-yet-applied': 0, unknown: 0, baselined: 0 },
      },
    });
    expect(totals(run)).toEqual({ 'changed-on-platform': 2, 'not-yet-applied': 1, unknown: 0, baselined: 1 });
  });

  it('reads back what it wrote, and keeps only the last runs', () => {
    const runs: HistoryEntry[] = Array.from({ length: HISTORY_LIMITS.entries }, (_, i) => ({
      ...good,
      time: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    }));
    const text = appendHistory(runs, { ...good, time: '2027-01-01T00:00:00.000Z' });
    const { entries, problems } = parseHistory(text, 'h.jsonl');
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(HISTORY_LIMITS.entries);
    expect(entries[0]!.time).toBe(runs[1]!.time);
    expect(entries.at(-1)!.time).toBe('2027-01-01T00:00:00.000Z');
    expect(text.split('\n').filter(Boolean)).toHaveLength(HISTORY_LIMITS.entries);
  });

  it('names every bad line by file and line, and takes nothing from it', () => {
    const lines = [
      line(good),
      '{"time": "2026-11-28T05:00:00.000Z", "providers": {',
      line([1, 2]),
      line({ ...good, extra: 1 }),
      line({ ...good, time: 'yesterday' }),
      line({ ...good, providers: { 'bad name!': good.providers.bc } }),
      line({ ...good, providers: { bc: { ...good.providers.bc, unknown: -1 } } }),
      line({ ...good, providers: { bc: { ...good.providers.bc, unknown: 1.5 } } }),
      line({ ...good, providers: { bc: { 'changed-on-platform': 1 } } }),
      line({ ...good, providers: { bc: { ...good.providers.bc, odd: 1 } } }),
      'x'.repeat(HISTORY_LIMITS.lineChars + 1),
      line({ ...good, providers: Object.fromEntries(Array.from({ length: HISTORY_LIMITS.providers + 1 }, (_, i) => [`p${i}`, good.providers.bc])) }),
      '',
    ];
    const { entries, problems } = parseHistory(lines.join('\n'), 'h.jsonl');
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([
      'h.jsonl:2: not a JSON object',
      'h.jsonl:3: not a JSON object',
      'h.jsonl:4: unknown field "extra"; the fields are time and providers',
      'h.jsonl:5: "time" must be a UTC time such as 2026-11-28T05:00:00.000Z',
      'h.jsonl:6: "bad name!" is not a provider name',
      'h.jsonl:7: provider bc: "unknown" must be a whole number from 0 to 1000000000',
      'h.jsonl:8: provider bc: "unknown" must be a whole number from 0 to 1000000000',
      'h.jsonl:9: provider bc: "not-yet-applied" must be a whole number from 0 to 1000000000',
      'h.jsonl:10: provider bc: unknown class "odd"; the classes are changed-on-platform, not-yet-applied, unknown, baselined',
      `h.jsonl:11: the line is longer than ${HISTORY_LIMITS.lineChars} characters`,
      `h.jsonl:12: more than ${HISTORY_LIMITS.providers} providers`,
    ]);
  });

  it('keeps a provider named __proto__ as a name, not as the prototype', () => {
    const { entries, problems } = parseHistory(
      '{"time":"2026-11-28T05:00:00.000Z","providers":{"__proto__":{"changed-on-platform":3,"not-yet-applied":0,"unknown":0,"baselined":0}}}',
      'h.jsonl',
    );
    expect(problems).toEqual([]);
    expect(Object.keys(entries[0]!.providers)).toEqual(['__proto__']);
    expect(totals(entries[0]!)['changed-on-platform']).toBe(3);
    expect(({} as Record<string, unknown>)['changed-on-platform']).toBeUndefined();
  });

  it('refuses a file of more lines than it keeps', () => {
    const text = Array.from({ length: HISTORY_LIMITS.entries + 2 }, () => line(good)).join('\n');
    expect(parseHistory(text, 'h.jsonl').problems).toEqual([`h.jsonl: more than ${HISTORY_LIMITS.entries} lines; groupform keeps at most that many`]);
  });
});
