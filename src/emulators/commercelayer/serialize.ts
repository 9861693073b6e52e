// JSON:API documents as CL writes them: resource objects with `links.self`, relationships carrying `links`
// (and `data` only when included), `meta.mode`, sparse fieldsets, `included` (dotted paths too), paginated list
// meta/links, and the relationship endpoints' linkage documents.
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
  const objects = new Compound(ctx);
  const data = node && objects.primary(node);
  return objects.document({ data });
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
  const objects = new Compound(ctx);
  const data = objects.primaries(nodes);
  const pageCount = Math.ceil(page.recordCount / page.size);
  const link = (number: number) => pageLink(ctx.origin, page, number);
  const links: Record<string, string> = { first: link(1) };
  if (page.number > 1) links.prev = link(page.number - 1);
  if (page.number < pageCount) links.next = link(page.number + 1);
  // jsonapi-resources points `last` at page 1 when there are no records at all.
  links.last = link(Math.max(1, pageCount));
  return objects.document({ data, meta: { record_count: page.recordCount, page_count: pageCount }, links });
}

/**
 * A relationship's own endpoint (`links.self`, `/api/customers/:id/relationships/customer_group`): the linkage
 * only, resource identifiers with the relationship's links (https://jsonapi.org/format/#fetching-relationships).
 */
export function renderRelationship(node: Node, name: string, ctx: RenderContext): Json {
  const targets = node.relationships[name]!.target();
  const data = Array.isArray(targets) ? targets.map(identifier) : targets && identifier(targets);
  return { data, links: relationshipLinks(ctx, node, name) };
}

type IncludeTree = Map<string, IncludeTree>;

/** `customer_group.customers,customer_group` → customer_group → customers. */
function includeTree(paths: readonly string[]): IncludeTree {
  const root: IncludeTree = new Map();
  for (const path of paths) {
    let level = root;
    for (const name of path.split('.')) {
      if (!level.has(name)) level.set(name, new Map());
      level = level.get(name)!;
    }
  }
  return root;
}

/**
 * The resource objects of one document: the primary data, then every resource an `include` path reaches
 * (https://docs.commercelayer.io/core/including-associations ; JSON:API compound documents), each once, never
 * repeating a primary resource in `included`; every relationship on an include path carries its linkage.
 */
class Compound {
  readonly #ctx: RenderContext;
  readonly #tree: IncludeTree;
  readonly #objects = new Map<string, Json>();
  readonly #primaryKeys = new Set<string>();

  constructor(ctx: RenderContext) {
    this.#ctx = ctx;
    this.#tree = includeTree(ctx.include);
  }

  primary(node: Node): Json {
    return this.primaries([node])[0]!;
  }

  primaries(nodes: readonly Node[]): Json[] {
    const objects = nodes.map((node) => this.#object(node));
    for (const node of nodes) this.#primaryKeys.add(key(node));
    nodes.forEach((node) => this.#link(node, this.#tree));
    return objects;
  }

  document(body: Json): Json {
    const included = [...this.#objects].filter(([k]) => !this.#primaryKeys.has(k)).map(([, object]) => object);
    return included.length ? { ...body, included } : body;
  }

  #object(node: Node): Json {
    const existing = this.#objects.get(key(node));
    if (existing) return existing;
    const object = resourceObject(node, this.#ctx);
    this.#objects.set(key(node), object);
    return object;
  }

  /** Adds linkage for the relationships `tree` names on `node`, and the resources they reach, recursively. */
  #link(node: Node, tree: IncludeTree): void {
    const object = this.#objects.get(key(node))!;
    for (const [name, subtree] of tree) {
      const targets = node.relationships[name]!.target();
      const list = Array.isArray(targets) ? targets : targets ? [targets] : [];
      for (const target of list) {
        this.#object(target);
        this.#link(target, subtree);
      }
      // A sparse fieldset that leaves the relationship out leaves its linkage out too; the targets stay included.
      const relationships = object.relationships as Record<string, Json> | undefined;
      const entry = relationships?.[name];
      if (entry) entry.data = Array.isArray(targets) ? targets.map(identifier) : targets && identifier(targets);
    }
  }
}

const key = (node: Node) => `${node.type}/${node.id}`;
const identifier = (node: Node) => ({ type: node.type, id: node.id });

function relationshipLinks(ctx: RenderContext, node: Node, name: string): Record<string, string> {
  const self = `${ctx.origin}/api/${node.type}/${node.id}`;
  return { self: `${self}/relationships/${name}`, related: `${self}/${name}` };
}

function resourceObject(node: Node, ctx: RenderContext): Json {
  const spec = SPECS[node.type];
  const wanted = ctx.fields.get(node.type);
  const show = (name: string) => !wanted || wanted.has(name);

  const attributes: Record<string, JsonValue> = {};
  for (const name of spec.attributes) if (show(name)) attributes[name] = node.attributes[name] ?? null;

  const relationships: Json = {};
  for (const name of Object.keys(node.relationships)) {
    if (show(name)) relationships[name] = { links: relationshipLinks(ctx, node, name) };
  }

  const object: Json = { id: node.id, type: node.type, links: { self: `${ctx.origin}/api/${node.type}/${node.id}` }, attributes };
  if (Object.keys(relationships).length) object.relationships = relationships;
  object.meta = { mode: ctx.mode, organization_id: ctx.organizationId };
  return object;
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
