// The acknowledged-drift file (`--baseline drift-baseline.yaml`): known drift a person has accepted for a
// while, each entry with a reason and an expiry date. Parsed with positions, so every problem points at
// its line; matched against drift items, silencing them until the entry expires. Pure: `today` is passed in.
//
//   items:
//     - address: cl/members/jo@example.com     # `*` matches any text: `bc/members/*`
//       reason: Sales moves VIPs by hand during the summer sale
//     - address: cl/members/b***#cb6a7c@example.com   # or as a masked report shows it
//       reason: …
//       expires: 2026-09-30                     # silences through that day
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding, SourcePos } from '../model.js';
import { globMatch } from '../plan/glob.js';
import { maskEmailsIn } from '../render/mask.js';
import type { DriftItem } from './classify.js';

export interface BaselineEntry {
  /** A change address, its e-mail in full or masked as reports show it; `*` matches any text. */
  address: string;
  reason: string;
  /** `YYYY-MM-DD`, inclusive. */
  expires: string;
  pos: SourcePos;
}

export interface Baseline {
  entries: BaselineEntry[];
  /** Every problem of the file; the caller refuses a file with errors. */
  findings: Finding[];
}

const FIELDS = ['address', 'reason', 'expires'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseBaseline(text: string, file: string): Baseline {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (node: Node | null | undefined): SourcePos => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line, column: col };
  };
  const findings: Finding[] = doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return problem(`${error.message.split('\n')[0]}`, { file, line, column: col });
  });
  if (findings.length > 0) return { entries: [], findings };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { entries: [], findings: [] };
  const items = isMap(root) ? root.get('items', true) : undefined;
  if (!isMap(root) || !isSeq(items)) {
    return { entries: [], findings: [problem(`${file} must hold \`items:\`, a list of entries with address, reason and expires`, at(root))] };
  }
  const entries: BaselineEntry[] = [];
  items.items.forEach((node, index) => {
    const where = `entry ${index + 1}`;
    if (!isMap(node)) {
      findings.push(problem(`${where} must be a mapping with address, reason and expires`, at(node as Node)));
      return;
    }
    const values: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(FIELDS as readonly string[]).includes(key)) {
        findings.push(problem(`${where}: unknown field '${key}'; the fields are ${FIELDS.join(', ')}`, at(pair.key as Node)));
        continue;
      }
      const scalar = isScalar(pair.value) ? pair.value.value : undefined;
      // `expires: 2026` or `address: 404` are read as numbers; say what is wrong with their text.
      const value = scalar === undefined || scalar === null || typeof scalar === 'object' ? '' : String(scalar).trim();
      if (value === '') {
        findings.push(problem(`${where}: '${key}' must be a non-empty text`, at((pair.value ?? pair.key) as Node)));
        continue;
      }
      if (key === 'expires' && !isDate(value)) {
        findings.push(problem(`${where}: 'expires' must be a date such as 2026-09-30, not '${value}'`, at(pair.value as Node)));
        continue;
      }
      values[key as (typeof FIELDS)[number]] = value;
    }
    const missing = FIELDS.filter((field) => values[field] === undefined && !node.has(field));
    if (missing.length > 0) findings.push(problem(`${where} needs ${missing.join(', ')}`, at(node)));
    const { address, reason, expires } = values;
    if (address !== undefined && reason !== undefined && expires !== undefined) entries.push({ address, reason, expires, pos: at(node) });
  });
  return { entries, findings };
}

export interface BaselineMatch {
  /** Drift no live entry covers: what the report counts. */
  active: DriftItem[];
  silenced: { item: DriftItem; entry: BaselineEntry }[];
  /** Entries past their date: they silence nothing and are reported. */
  expired: BaselineEntry[];
  /** Live entries that match no drift: the drift is gone, and the entry can go too. */
  unused: BaselineEntry[];
}

/** `today` is `YYYY-MM-DD`; an entry silences through its `expires` day. */
export function matchBaseline(items: readonly DriftItem[], entries: readonly BaselineEntry[], today: string): BaselineMatch {
  const live = entries.filter((entry) => entry.expires >= today);
  const used = new Set<BaselineEntry>();
  const result: BaselineMatch = { active: [], silenced: [], expired: entries.filter((entry) => entry.expires < today), unused: [] };
  for (const item of items) {
    // A masked address (`b***#cb6a7c@…`) matches too: its `*`s match themselves, its tag only that customer.
    const masked = maskEmailsIn(item.address);
    const entry = live.find((candidate) => globMatch(candidate.address, item.address) || globMatch(candidate.address, masked));
    if (entry) {
      used.add(entry);
      result.silenced.push({ item, entry });
    } else {
      result.active.push(item);
    }
  }
  result.unused = live.filter((entry) => !used.has(entry));
  return result;
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function problem(message: string, pos: SourcePos): Finding {
  return { severity: 'error', code: 'baseline-invalid', message, pos };
}
