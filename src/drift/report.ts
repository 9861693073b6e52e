// The drift report: what `drift --format json` prints and `--report FILE.json` writes
// (schemas/drift-report.schema.json). Pure.
import type { Change, Finding } from '../model.js';
import type { BaselineMatch } from './baseline.js';
import type { DriftClass, DriftItem } from './classify.js';

export interface DriftEntry {
  address: string;
  provider: string;
  classification: DriftClass;
  /** The live object's modification time; null where the platform gives none. */
  liveUpdatedAt: string | null;
  /** What a plan would do about it. */
  change: Change;
}

export interface BaselineNote {
  address: string;
  reason: string;
  expires: string;
  /** Where the entry is in the baseline file. */
  line: number;
}

export interface DriftReport {
  formatVersion: 1;
  /**
   * True when no drift is left once the baseline has silenced what it covers, and no error kept part of the
   * config from being compared (a group pinned to a missing id, say): then nothing can be said in sync.
   */
  inSync: boolean;
  /** The last commit touching the config; null outside a git repository. */
  configChangedAt: string | null;
  drift: DriftEntry[];
  silenced: (DriftEntry & { baseline: BaselineNote })[];
  expiredBaseline: BaselineNote[];
  unusedBaseline: BaselineNote[];
  /** Warnings and errors of the plan behind the report (customers not found, ambiguous groups, …). */
  findings: Finding[];
}

export function buildDriftReport(match: BaselineMatch, configChangedAt: string | null, findings: readonly Finding[]): DriftReport {
  return {
    formatVersion: 1,
    inSync: match.active.length === 0 && !findings.some((finding) => finding.severity === 'error'),
    configChangedAt,
    drift: match.active.map(entry),
    silenced: match.silenced.map(({ item, entry: baseline }) => ({ ...entry(item), baseline: note(baseline) })),
    expiredBaseline: match.expired.map(note),
    unusedBaseline: match.unused.map(note),
    findings: [...findings],
  };
}

function entry(item: DriftItem): DriftEntry {
  return { address: item.address, provider: item.change.provider, classification: item.classification, liveUpdatedAt: item.liveUpdatedAt, change: item.change };
}

function note(entry: { address: string; reason: string; expires: string; pos: { line: number } }): BaselineNote {
  return { address: entry.address, reason: entry.reason, expires: entry.expires, line: entry.pos.line };
}
