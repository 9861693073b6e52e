// `filter[q][{field}_{matcher}]=value`: the Ransack predicates CL exposes (commercelayer-docs-api
// filtering-data.md), evaluated the way Ransack's SQL would on Postgres.
//
// Decided where CL documents nothing, following Ransack's defaults:
// - a predicate naming an unknown field or matcher is ignored (`ignore_unknown_conditions`), as is a blank value;
// - `_eq`/`_in` compare exactly (case-sensitive), except fields the platform treats as case-insensitive (`code`);
//   `_cont`/`_start`/`_end` are ILIKE, so case-insensitive;
// - a NULL field never satisfies `_eq`, `_not_eq`, `_in`, `_not_in` or the LIKE matchers (SQL three-valued logic).
import type { Row } from './resources.js';

const MATCHERS = ['not_eq', 'eq', 'not_in', 'in', 'not_null', 'null', 'present', 'blank', 'not_cont', 'cont', 'start', 'end'] as const;
type Matcher = (typeof MATCHERS)[number];

export interface Predicate {
  field: string;
  matcher: Matcher;
  value: string;
  /** Whether `_eq`/`_in` fold case for this field. */
  caseInsensitive: boolean;
  /** The comma-separated values of `_in`/`_not_in`, folded as the field compares; parsed once per request. */
  values: Set<string>;
  /** The value cast to a boolean for `_null`, `_present`…; undefined leaves the condition out. */
  flag: boolean | undefined;
}

export interface FilterFields {
  filterable: readonly string[];
  caseInsensitive: readonly string[];
}

/** The predicates this resource understands, in order; everything else is dropped as Ransack drops it. */
export function parsePredicates(filters: readonly [string, string][], fields: FilterFields): Predicate[] {
  const predicates: Predicate[] = [];
  for (const [key, value] of filters) {
    if (value === '') continue;
    const matcher = MATCHERS.find((m) => key.endsWith(`_${m}`) && fields.filterable.includes(key.slice(0, -m.length - 1)));
    if (!matcher) continue;
    const field = key.slice(0, -matcher.length - 1);
    const caseInsensitive = fields.caseInsensitive.includes(field);
    const values = new Set(value.split(',').map((v) => (caseInsensitive ? v.toLowerCase() : v)));
    predicates.push({ field, matcher, value, caseInsensitive, values, flag: parseBoolean(value) });
  }
  return predicates;
}

/** Whether a row satisfies every predicate (predicates combine with AND). */
export function matchesAll(row: Row, predicates: readonly Predicate[]): boolean {
  return predicates.every((p) => matches(row[p.field] ?? null, p));
}

function matches(actual: string | null, { matcher, value, caseInsensitive, values, flag }: Predicate): boolean {
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  switch (matcher) {
    case 'eq':
      return actual !== null && fold(actual) === fold(value);
    case 'not_eq':
      return actual !== null && fold(actual) !== fold(value);
    case 'in':
      return actual !== null && values.has(fold(actual));
    case 'not_in':
      return actual !== null && !values.has(fold(actual));
    case 'null':
      return flag === undefined || (actual === null) === flag;
    case 'not_null':
      return flag === undefined || (actual !== null) === flag;
    case 'present':
      return flag === undefined || (actual !== null && actual.trim() !== '') === flag;
    case 'blank':
      return flag === undefined || (actual === null || actual.trim() === '') === flag;
    case 'cont':
      return actual?.toLowerCase().includes(value.toLowerCase()) ?? false;
    case 'not_cont':
      return actual !== null && !actual.toLowerCase().includes(value.toLowerCase());
    case 'start':
      return actual?.toLowerCase().startsWith(value.toLowerCase()) ?? false;
    case 'end':
      return actual?.toLowerCase().endsWith(value.toLowerCase()) ?? false;
  }
}

/** Ransack's boolean casting; anything else leaves the condition out (undefined). */
function parseBoolean(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['true', 't', '1'].includes(v)) return true;
  if (['false', 'f', '0'].includes(v)) return false;
  return undefined;
}
