// The drift history (`drift --history drift-history.jsonl`): one JSON line per run, the time and the number
// of drift items per provider and class, so that a report can chart when drift started and whether it grows.
// The file is an input like any other: read bounded, every line checked, a bad one named by its line, never
// taken for "no history". It keeps the last MAX_ENTRIES runs. Pure: the caller reads and writes the file.
//
//   {"time":"2026-11-28T05:00:00.000Z","providers":{"bc":{"changed-on-platform":1,"not-yet-applied":0,"unknown":0,"baselined":2}}}
import type { DriftReport } from './report.js';

export const HISTORY_CLASSES = ['changed-on-platform', 'not-yet-applied', 'unknown', 'baselined'] as const;
export type HistoryClass = (typeof HISTORY_CLASSES)[number];

export interface HistoryEntry {
  /** When the run was (ISO 8601). */
  time: string;
  /** Drift items per provider instance and class; `baselined` counts the items the baseline silenced. */
  providers: Record<string, Record<HistoryClass, number>>;
}

export const HISTORY_LIMITS = {
  /** Runs kept: years of nightly runs, and a file that stays small. */
  entries: 1_000,
  /** Longest line: 100 providers' counts fit well within it. */
  lineChars: 16_384,
  providers: 100,
  /** Largest count a line may hold (drift items in one run). */
  count: 1_000_000_000,
};

/** The file's largest size: every entry at its longest line. */
export const MAX_HISTORY_BYTES = HISTORY_LIMITS.entries * (HISTORY_LIMITS.lineChars + 1);

/** The same pattern as a provider's name in groups.yaml. */
const PROVIDER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** This run's line: every provider checked (`providers`), with zeros where it has no drift. */
export function historyEntry(report: DriftReport, time: string, providers: readonly string[]): HistoryEntry {
  const counts = new Map(providers.map((name) => [name, zero()]));
  const at = (name: string): Record<HistoryClass, number> => {
    let entry = counts.get(name);
    if (!entry) counts.set(name, (entry = zero()));
    return entry;
  };
  for (const item of report.drift) at(item.provider)[item.classification] += 1;
  for (const item of report.silenced) at(item.provider).baselined += 1;
  return { time, providers: Object.fromEntries(counts) };
}

function zero(): Record<HistoryClass, number> {
  return { 'changed-on-platform': 0, 'not-yet-applied': 0, unknown: 0, baselined: 0 };
}

export interface ParsedHistory {
  entries: HistoryEntry[];
  /** `file:line: what is wrong`, for each bad line; the caller refuses a file with problems. */
  problems: string[];
}

/** Every line of a history file checked; blank lines are skipped. */
export function parseHistory(text: string, file: string): ParsedHistory {
  const entries: HistoryEntry[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.length > HISTORY_LIMITS.entries + 1) problems.push(`${file}: more than ${HISTORY_LIMITS.entries} lines; groupform keeps at most that many`);
  lines.slice(0, HISTORY_LIMITS.entries + 1).forEach((line, index) => {
    if (line.trim() === '') return;
    const problem = lineProblem(line);
    if (typeof problem === 'string') problems.push(`${file}:${index + 1}: ${problem}`);
    else entries.push(problem);
  });
  return { entries, problems };
}

/** The entry a line holds, or what is wrong with it. */
function lineProblem(line: string): HistoryEntry | string {
  if (line.length > HISTORY_LIMITS.lineChars) return `the line is longer than ${HISTORY_LIMITS.lineChars} characters`;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return 'not a JSON object';
  }
  if (!isObject(data)) return 'not a JSON object';
  const extra = Object.keys(data).find((key) => key !== 'time' && key !== 'providers');
  if (extra !== undefined) return `unknown field ${JSON.stringify(extra.slice(0, 40))}; the fields are time and providers`;
  const { time, providers } = data;
  if (typeof time !== 'string' || !TIME.test(time) || Number.isNaN(Date.parse(time))) return '"time" must be a UTC time such as 2026-11-28T05:00:00.000Z';
  if (!isObject(providers)) return '"providers" must be an object of counts per provider';
  const names = Object.keys(providers);
  if (names.length > HISTORY_LIMITS.providers) return `more than ${HISTORY_LIMITS.providers} providers`;
  const counts: [string, Record<HistoryClass, number>][] = [];
  for (const name of names) {
    if (!PROVIDER.test(name)) return `${JSON.stringify(name.slice(0, 40))} is not a provider name`;
    const value = providers[name];
    if (!isObject(value)) return `provider ${name}: must be an object of counts per class`;
    const unknown = Object.keys(value).find((key) => !(HISTORY_CLASSES as readonly string[]).includes(key));
    if (unknown !== undefined) return `provider ${name}: unknown class ${JSON.stringify(unknown.slice(0, 40))}; the classes are ${HISTORY_CLASSES.join(', ')}`;
    const entry = zero();
    for (const kind of HISTORY_CLASSES) {
      const n = value[kind];
      if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > HISTORY_LIMITS.count)
        return `provider ${name}: "${kind}" must be a whole number from 0 to ${HISTORY_LIMITS.count}`;
      entry[kind] = n as number;
    }
    counts.push([name, entry]);
  }
  // fromEntries defines own properties: a provider named `__proto__` stays a name, not a prototype.
  return { time, providers: Object.fromEntries(counts) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file's new text: the old entries and this run's, the oldest dropped past the limit. */
export function appendHistory(entries: readonly HistoryEntry[], entry: HistoryEntry): string {
  return (
    [...entries, entry]
      .slice(-HISTORY_LIMITS.entries)
      .map((item) => JSON.stringify(item))
      .join('\n') + '\n'
  );
}

/** Drift items of a run per class, summed over its providers. */
export function totals(entry: HistoryEntry): Record<HistoryClass, number> {
  const sum = zero();
  for (const counts of Object.values(entry.providers)) for (const kind of HISTORY_CLASSES) sum[kind] += counts[kind];
  return sum;
}
