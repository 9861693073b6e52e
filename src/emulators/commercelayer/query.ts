// Reads the JSON:API query parameters CL supports (fields, include, filter[q], sort, page) and rejects the
// malformed ones with the jsonapi-resources errors. Other parameters are ignored.
import { fail } from './errors.js';
import { SPECS, type ResourceSpec, type ResourceType } from './resources.js';

/** shared/providers §1.5: default 10, at most 25. */
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 25;

export interface SortKey {
  field: string;
  descending: boolean;
}

export interface ParsedQuery {
  /** Sparse fieldsets by type; a type not listed shows every field. */
  fields: Map<string, Set<string>>;
  include: string[];
  /** `filter[q][...]` entries, predicate name and value. */
  filters: [string, string][];
  sort: SortKey[];
  page: { number: number; size: number };
  /** The parameters other than `page[...]`, in order, for pagination links. */
  carry: [string, string][];
}

export function parseQuery(query: URLSearchParams, spec: ResourceSpec): ParsedQuery {
  const parsed: ParsedQuery = {
    fields: new Map(),
    include: [],
    filters: [],
    sort: [],
    page: { number: 1, size: DEFAULT_PAGE_SIZE },
    carry: [],
  };
  for (const [key, value] of query) {
    if (!key.startsWith('page[')) parsed.carry.push([key, value]);
    const bracket = /^(\w+)\[([^\]]*)\](.*)$/.exec(key);
    if (key === 'include') parsed.include = parseInclude(value, spec);
    else if (key === 'sort') parsed.sort = parseSort(value, spec);
    else if (bracket?.[1] === 'fields') parsed.fields.set(bracket[2]!, parseFields(bracket[2]!, value));
    else if (bracket?.[1] === 'filter') {
      const predicate = /^\[([^\]]+)\]$/.exec(bracket[3]!);
      if (bracket[2] !== 'q' || !predicate) throw fail.filterNotAllowed(bracket[2]! + bracket[3]!);
      parsed.filters.push([predicate[1]!, value]);
    } else if (bracket?.[1] === 'page') parsePage(bracket[2]!, value, parsed.page);
  }
  return parsed;
}

/** Relationship paths, dotted for nested ones (`customer_group.customers`), each step checked against its type. */
function parseInclude(value: string, spec: ResourceSpec): string[] {
  const paths = value.split(',').filter(Boolean);
  for (const path of paths) {
    let at = spec;
    for (const name of path.split('.')) {
      const relationship = at.relationships[name];
      if (!relationship) throw fail.invalidInclude(at.type, name);
      at = SPECS[relationship.type];
    }
  }
  return paths;
}

function parseSort(value: string, spec: ResourceSpec): SortKey[] {
  return value
    .split(',')
    .filter(Boolean)
    .map((criterion) => {
      const descending = criterion.startsWith('-');
      const field = descending ? criterion.slice(1) : criterion;
      if (!spec.sortable.includes(field)) throw fail.invalidSort(spec.type, criterion);
      return { field, descending };
    });
}

function parseFields(type: string, value: string): Set<string> {
  if (!(type in SPECS)) throw fail.invalidResource(type);
  const target = SPECS[type as ResourceType];
  const names = value.split(',').filter(Boolean);
  for (const name of names) {
    if (!target.attributes.includes(name) && !(name in target.relationships)) throw fail.invalidField(type, name);
  }
  return new Set(names);
}

function parsePage(param: string, value: string, page: { number: number; size: number }): void {
  if (param !== 'number' && param !== 'size') throw fail.pageParamNotAllowed(param);
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1)) throw fail.invalidPageValue(`${value} is not a valid value for ${param} page parameter.`);
  // jsonapi-resources' paged paginator wording for a size past the configured maximum.
  if (param === 'size' && n > MAX_PAGE_SIZE) throw fail.invalidPageValue(`size exceeds maximum page size of ${MAX_PAGE_SIZE}.`);
  page[param] = n;
}
