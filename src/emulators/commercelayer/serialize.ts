// JSON:API documents as CL writes them: resource objects with `links.self`, relationships carrying `links`
// (and `data` only when included), `meta.mode`, sparse fieldsets, `included`, and paginated list meta/links.
import type { JsonValue } from '../common/types.js';
import { SPECS, type Node } from './resources.js';

export interface RenderContext {
  origin: string;
  mode: 'test' | 'live';
  organizationId: string;
  fields: Map<string, Set<string>>;
  include: readonly string[];
}

type Json = { [key: string]: unknown };

/** `{data, included?}` for one resource (or null: an empty to-one relationship). */
export function renderSingle(node: Node | null, ctx: RenderContext): Json {
  const included = new Map<string, Json>();
  const data = node && resourceObject(node, ctx, included);
  return withIncluded({ data }, included);
}

export interface PageInfo {
  number: number;
  size: number;
  recordCount: number;
  /** The request path and the parameters to repeat in every link. */
  path: string;
  carry: readonly [string, string][];
}

/** A page of a collection with `meta.record_count`, `meta.page_count` and first/prev/next/last links. */
export function renderPage(nodes: readonly Node[], page: PageInfo, ctx: RenderContext): Json {
  const included = new Map<string, Json>();
  const data = nodes.map((node) => resourceObject(node, ctx, included));
  const pageCount = Math.ceil(page.recordCount / page.size);
  const link = (number: number) => pageLink(ctx.origin, page, number);
  const links: Record<string, string> = { first: link(1) };
  if (page.number > 1) links.prev = link(page.number - 1);
  if (page.number < pageCount) links.next = link(page.number + 1);
  // jsonapi-resources points `last` at page 1 when there are no records at all.
  links.last = link(Math.max(1, pageCount));
  return withIncluded({ data, meta: { record_count: page.recordCount, page_count: pageCount }, links }, included);
}

function resourceObject(node: Node, ctx: RenderContext, included?: Map<string, Json>): Json {
  const spec = SPECS[node.type];
  const wanted = ctx.fields.get(node.type);
  const show = (name: string) => !wanted || wanted.has(name);
  const self = `${ctx.origin}/api/${node.type}/${node.id}`;

  const attributes: Record<string, JsonValue> = {};
  for (const name of spec.attributes) if (show(name)) attributes[name] = node.attributes[name] ?? null;

  const relationships: Json = {};
  for (const [name, relationship] of Object.entries(node.relationships)) {
    if (!show(name)) continue;
    const entry: Json = { links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` } };
    // Only primary resources carry linkage, and only for the relationships asked for with `include`.
    if (included && ctx.include.includes(name)) {
      const targets = relationship.target();
      const list = Array.isArray(targets) ? targets : targets ? [targets] : [];
      for (const target of list) {
        const key = `${target.type}/${target.id}`;
        if (!included.has(key)) included.set(key, resourceObject(target, ctx));
      }
      const identifier = (t: Node) => ({ type: t.type, id: t.id });
      entry.data = Array.isArray(targets) ? targets.map(identifier) : targets && identifier(targets);
    }
    relationships[name] = entry;
  }

  const object: Json = { id: node.id, type: node.type, links: { self }, attributes };
  if (Object.keys(relationships).length) object.relationships = relationships;
  object.meta = { mode: ctx.mode, organization_id: ctx.organizationId };
  return object;
}

function withIncluded(document: Json, included: Map<string, Json>): Json {
  return included.size ? { ...document, included: [...included.values()] } : document;
}

/** Links keep brackets readable, as CL's own do (`?filter[q][name_eq]=x&page[number]=2&page[size]=10`). */
function pageLink(origin: string, page: PageInfo, number: number): string {
  const params: [string, string][] = [...page.carry, ['page[number]', String(number)], ['page[size]', String(page.size)]];
  const query = params.map(([key, value]) => `${encodeKey(key)}=${encodeURIComponent(value)}`).join('&');
  return `${origin}${page.path}?${query}`;
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}
