// `filter[q][{attributes}_{matcher}]=value`: every predicate of https://docs.commercelayer.io/core/filtering-data
// (the same list as the official sdk-utils' FilterOperator), on the attributes the official resource model marks
// filterable (shared/providers commercelayer-resources.json), evaluated as Ransack's SQL would on Postgres:
// - attributes join with `_or_` (`name_or_code_eq`), relationship attributes read `customer_group_code`;
// - `*_any` ORs and `*_all` ANDs the comma-separated values of any value matcher (`lt_all`, `cont_any`…);
// - `_eq`/`_in` compare exactly, except fields the platform treats as case-insensitive (`code`); the LIKE family
//   (`matches`, `start`, `end`, `cont` and their negations) is ILIKE, so case-insensitive, with `%`/`_` wildcards;
// - timestamps compare as instants (`created_at_gt=2099-01-01`); `jcont` is jsonb containment (`@>`) on metadata;
// - a NULL field never satisfies a value matcher (SQL three-valued logic), only `_null`, `_blank`, `*_or_null`.
// Decided where CL documents nothing: an unknown attribute or matcher, or a matcher the attribute's type has no
// meaning for, is 400 FILTER_NOT_ALLOWED, and a value that does not cast (a date, a boolean, JSON) is 400
// INVALID_FILTER_VALUE (jsonapi-resources' codes) — never silently dropped, so a client cannot mistake an
// unfiltered list for a filtered one. A blank value leaves its condition out, as Ransack does.
import type { JsonValue } from '../common/types.js';
import { fail } from './errors.js';
import type { Row } from './resources.js';

type Kind = 'text' | 'datetime' | 'json';

/** CL's timestamps all end in `_at` and `metadata` is its one JSON attribute; everything else filterable is text. */
const kindOf = (field: string): Kind => (field === 'metadata' ? 'json' : field.endsWith('_at') ? 'datetime' : 'text');

/** One-value matchers; each also takes `_any` / `_all` with comma-separated values. */
const COMPARISONS = ['eq', 'not_eq', 'lt', 'lteq', 'gt', 'gteq'] as const;
const LIKES = ['matches', 'does_not_match', 'start', 'not_start', 'end', 'not_end', 'cont', 'not_cont'] as const;
type ValueMatcher = (typeof COMPARISONS)[number] | (typeof LIKES)[number];
const LISTS = ['in', 'not_in', 'in_or_null', 'not_in_or_null', 'eq_or_null', 'not_eq_or_null'] as const;
const FLAGS = ['null', 'not_null', 'present', 'blank', 'true', 'false'] as const;

type Condition =
  | { type: 'value'; matcher: ValueMatcher; mode: 'one' | 'any' | 'all' }
  | { type: 'list'; matcher: (typeof LISTS)[number] }
  | { type: 'flag'; matcher: (typeof FLAGS)[number] }
  | { type: 'jcont' };

/** Every matcher suffix, longest first so that `_not_eq` wins over `_eq`. */
const SUFFIXES: [string, Condition][] = [
  ...[...COMPARISONS, ...LIKES].flatMap((m): [string, Condition][] => [
    [m, { type: 'value', matcher: m, mode: 'one' }],
    [`${m}_any`, { type: 'value', matcher: m, mode: 'any' }],
    [`${m}_all`, { type: 'value', matcher: m, mode: 'all' }],
  ]),
  ...LISTS.map((m): [string, Condition] => [m, { type: 'list', matcher: m }]),
  ...FLAGS.map((m): [string, Condition] => [m, { type: 'flag', matcher: m }]),
  ['jcont', { type: 'jcont' }] as [string, Condition],
].sort((a, b) => b[0].length - a[0].length);

/** A test on one attribute's value, the filter value already cast to the attribute's type. */
type Test = (actual: Row[string] | undefined) => boolean;

export interface Predicate {
  /** The attributes, any of which may satisfy it (`name_or_code_eq`), each with its own test (types may differ). */
  fields: string[];
  tests: Test[];
  /** For `_eq`, `_eq_any` and `_in` on one attribute: the values it can equal, so that a store may look them up. */
  equals?: { field: string; values: string[] };
}

export interface FilterFields {
  filterable: readonly string[];
  caseInsensitive: readonly string[];
}

/** The request's predicates, or a 400 for the first one this resource cannot evaluate. */
export function parsePredicates(filters: readonly [string, string][], fields: FilterFields): Predicate[] {
  const predicates: Predicate[] = [];
  for (const [key, value] of filters) {
    const parsed = splitPredicate(key, fields.filterable);
    if (!parsed) throw fail.filterNotAllowed(key);
    if (value === '') continue;
    const tests = parsed.fields.map((field) => buildTest(key, field, parsed.condition, value, fields.caseInsensitive.includes(field)));
    const equals = equalsOf(parsed.fields, parsed.condition, value);
    predicates.push({ fields: parsed.fields, tests, ...(equals ? { equals } : {}) });
  }
  return predicates;
}

function equalsOf(fields: string[], condition: Condition, value: string): Predicate['equals'] {
  if (fields.length !== 1) return undefined;
  const one = condition.type === 'value' && condition.matcher === 'eq' && condition.mode !== 'all';
  const list = condition.type === 'list' && condition.matcher === 'in';
  if (!one && !list) return undefined;
  return { field: fields[0]!, values: condition.type === 'value' && condition.mode === 'one' ? [value] : value.split(',') };
}

/** Whether a row satisfies every predicate (predicates combine with AND, an `_or_` group's attributes with OR). */
export function matchesAll(row: Row, predicates: readonly Predicate[]): boolean {
  return predicates.every((p) => p.fields.some((field, i) => p.tests[i]!(row[field] ?? null)));
}

function splitPredicate(key: string, filterable: readonly string[]): { fields: string[]; condition: Condition } | undefined {
  for (const [suffix, condition] of SUFFIXES) {
    if (!key.endsWith(`_${suffix}`)) continue;
    const fields = splitAttributes(key.slice(0, -suffix.length - 1), filterable);
    if (fields) return { fields, condition };
  }
  return undefined;
}

/** `name_or_code` → [name, code], trying each filterable name as a prefix (names may themselves contain `_`). */
function splitAttributes(attributes: string, filterable: readonly string[]): string[] | undefined {
  if (filterable.includes(attributes)) return [attributes];
  for (const field of filterable) {
    if (!attributes.startsWith(`${field}_or_`)) continue;
    const rest = splitAttributes(attributes.slice(field.length + 4), filterable);
    if (rest) return [field, ...rest];
  }
  return undefined;
}

function buildTest(key: string, field: string, condition: Condition, value: string, caseInsensitive: boolean): Test {
  const kind = kindOf(field);
  const notAllowed = () => fail.filterNotAllowed(key);
  const invalid = () => fail.invalidFilterValue(key, value);
  switch (condition.type) {
    case 'flag': {
      const flag = parseBoolean(value);
      if (flag === undefined) throw invalid();
      // No boolean attribute of these resources is filterable, so `_true`/`_false` name nothing.
      if (condition.matcher === 'true' || condition.matcher === 'false') throw notAllowed();
      return flagTest(condition.matcher, flag);
    }
    case 'jcont': {
      if (kind !== 'json') throw notAllowed();
      const wanted = parseJson(value);
      if (wanted === undefined) throw invalid();
      return (actual) => actual !== null && actual !== undefined && contains(actual, wanted);
    }
    case 'list': {
      if (kind === 'json') throw notAllowed();
      const scalar = scalarOf(kind, caseInsensitive, invalid);
      const values = new Set(value.split(',').map(scalar));
      const negate = condition.matcher.startsWith('not_');
      const orNull = condition.matcher.endsWith('_or_null');
      return (actual) => {
        if (actual === null || actual === undefined) return orNull;
        return values.has(scalar(actual as string)) !== negate;
      };
    }
    case 'value': {
      if (kind === 'json') throw notAllowed();
      const like = (LIKES as readonly string[]).includes(condition.matcher);
      if (like && kind !== 'text') throw notAllowed();
      const values = condition.mode === 'one' ? [value] : value.split(',');
      const one = like ? likeTest(condition.matcher, values) : comparisonTest(condition.matcher, values, scalarOf(kind, caseInsensitive, invalid));
      return (actual) => {
        if (actual === null || actual === undefined) return false;
        const results = one.map((t) => t(actual as string));
        return condition.mode === 'any' ? results.some(Boolean) : results.every(Boolean);
      };
    }
  }
}

/** How a value of this kind compares: folded text, or a timestamp as epoch milliseconds (Rails' UTC cast). */
function scalarOf(kind: Kind, caseInsensitive: boolean, invalid: () => Error): (s: string) => string | number {
  if (kind === 'datetime') {
    return (s) => {
      const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
      if (Number.isNaN(ms)) throw invalid();
      return ms;
    };
  }
  return caseInsensitive ? (s) => s.toLowerCase() : (s) => s;
}

function comparisonTest(matcher: ValueMatcher, values: string[], scalar: (s: string) => string | number): ((actual: string) => boolean)[] {
  return values.map((raw) => {
    const wanted = scalar(raw);
    const compare = (actual: string) => {
      const a = scalar(actual);
      return a < wanted ? -1 : a > wanted ? 1 : 0;
    };
    switch (matcher) {
      case 'eq':
        return (actual) => compare(actual) === 0;
      case 'not_eq':
        return (actual) => compare(actual) !== 0;
      case 'lt':
        return (actual) => compare(actual) < 0;
      case 'lteq':
        return (actual) => compare(actual) <= 0;
      case 'gt':
        return (actual) => compare(actual) > 0;
      case 'gteq':
        return (actual) => compare(actual) >= 0;
      default:
        throw new Error(`not a comparison: ${matcher}`);
    }
  });
}

/** ILIKE: `matches` takes the pattern as given; `start`/`end`/`cont` escape it and add the `%`s themselves. */
function likeTest(matcher: ValueMatcher, values: string[]): ((actual: string) => boolean)[] {
  const negate = matcher.startsWith('not_') || matcher === 'does_not_match';
  const base = matcher.replace(/^not_/, '').replace('does_not_match', 'matches');
  return values.map((value) => {
    const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
    const pattern = base === 'matches' ? value : base === 'start' ? `${escaped}%` : base === 'end' ? `%${escaped}` : `%${escaped}%`;
    const regex = likeRegex(pattern);
    return (actual) => regex.test(actual) !== negate;
  });
}

/** A SQL LIKE pattern (`%` any run, `_` one character, `\` escapes) as a case-insensitive anchored regex. */
function likeRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]!);
    else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += escapeRegex(c);
  }
  return new RegExp(`^${source}$`, 'iu');
}

const escapeRegex = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Ransack: `_null=true` is IS NULL, `_null=false` IS NOT NULL; `_present`/`_blank` also count '' (and spaces) as blank. */
function flagTest(matcher: 'null' | 'not_null' | 'present' | 'blank', flag: boolean): Test {
  const isNull = (actual: Row[string] | undefined) => actual === null || actual === undefined;
  const isBlank = (actual: Row[string] | undefined) => isNull(actual) || (typeof actual === 'string' && actual.trim() === '');
  switch (matcher) {
    case 'null':
      return (actual) => isNull(actual) === flag;
    case 'not_null':
      return (actual) => !isNull(actual) === flag;
    case 'present':
      return (actual) => !isBlank(actual) === flag;
    case 'blank':
      return (actual) => isBlank(actual) === flag;
  }
}

/** Ransack's boolean casting; anything else is not a boolean (undefined). */
function parseBoolean(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['true', 't', '1'].includes(v)) return true;
  if (['false', 'f', '0'].includes(v)) return false;
  return undefined;
}

function parseJson(value: string): JsonValue | undefined {
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return undefined;
  }
}

/** Postgres jsonb `@>`: objects contain a subset of keys with contained values, arrays contain every element. */
function contains(actual: JsonValue, wanted: JsonValue): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual)) return false;
    return wanted.every((w) => actual.some((a) => contains(a, w)));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(wanted).every(([k, w]) => k in actual && contains(actual[k]!, w));
  }
  return actual === wanted;
}
