// Checks recorded HTTP exchanges against an official OpenAPI 3.0 file: swagger-parser validates and
// dereferences the document, ajv validates path and query parameters, headers, request and response bodies
// against its schemas. The only hand-written parts are the glue: matching an operation and reading
// parameters by their `style`. Objects are closed (`additionalProperties: false` where a schema lists its
// properties and says nothing else), so a field the spec does not declare is reported too.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface Exchange {
  method: string;
  /** Path as sent, from the origin (`/stores/abc/v2/customer_groups/3`). */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  requestHeaders: Record<string, string>;
  requestBody: string;
  status: number;
  responseBody: string;
}

type Node = { [key: string]: unknown };
type Schema = Node;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[] }>;
  components?: { schemas?: Record<string, Schema> };
}

/** A known defect of the official file: what is wrong, and the smallest correction that lets validation go on. */
export interface KnownDefect {
  id: string;
  description: string;
  patch(doc: Document): void;
}

export interface Contract {
  /** Every way the exchange departs from the document; empty when it conforms. */
  check(exchange: Exchange): string[];
}

/** The directory of the official BigCommerce files: `shared/providers/bigcommerce-openapi` beside the repository or above it. */
export function bigCommerceSpecDir(): string {
  for (let dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'providers', 'bigcommerce-openapi');
    if (existsSync(join(candidate, 'customers.v2.yml'))) return candidate;
    if (dirname(dir) === dir) throw new Error('shared/providers/bigcommerce-openapi not found beside or above the repository');
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** OpenAPI 3.0 schema dialect → JSON Schema draft-07, in place; and closes objects (see above). */
function toJsonSchema(doc: Document): void {
  const allOfParts = new Set<Node>();
  const seen = new Set<Node>();
  const walk = (node: unknown, visit: (n: Node) => void): void => {
    if (typeof node !== 'object' || node === null || seen.has(node as Node)) return;
    seen.add(node as Node);
    visit(node as Node);
    for (const value of Object.values(node)) walk(value, visit);
  };
  walk(doc.paths, (n) => Array.isArray(n.allOf) && n.allOf.forEach((part) => allOfParts.add(part as Node)));
  seen.clear();
  walk(doc.paths, (n) => {
    for (const key of Object.keys(n)) if (key.startsWith('x-') || key === 'example' || key === 'discriminator') delete n[key];
    if (n.nullable === true && typeof n.type === 'string') n.type = [n.type, 'null'];
    delete n.nullable;
    for (const [flag, bound] of [['exclusiveMaximum', 'maximum'], ['exclusiveMinimum', 'minimum']] as const) {
      if (n[flag] === true) {
        n[flag] = n[bound];
        delete n[bound];
      } else if (n[flag] === false) delete n[flag];
    }
    const isObjectSchema = n.type === 'object' || (n.type === undefined && typeof n.properties === 'object');
    if (isObjectSchema && typeof n.properties === 'object' && n.additionalProperties === undefined && !n.allOf && !n.anyOf && !n.oneOf && !allOfParts.has(n)) {
      n.additionalProperties = false;
    }
  });
}

function newAjv(coerce: boolean): Ajv {
  // Unknown keywords are errors; type-applicability hints are not (the file puts minItems on objects).
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, coerceTypes: coerce });
  addFormats.default(ajv);
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, { type: 'number', validate: () => true });
  return ajv;
}

export async function loadContract(file: string, defects: readonly KnownDefect[] = []): Promise<Contract> {
  await SwaggerParser.validate(file);
  const doc = (await SwaggerParser.dereference(file)) as unknown as Document;
  for (const defect of defects) defect.patch(doc);
  toJsonSchema(doc);
  const base = new URL((doc.servers?.[0]?.url ?? '/').replace(/\{[^}]+\}/g, 'x'), 'http://x').pathname.replace(/\/$/, '');
  const basePattern = new RegExp(`^${base.replace(/\/x(?=\/|$)/g, '/[^/]+')}`);
  const bodies = newAjv(false);
  const params = newAjv(true);
  const compiled = new WeakMap<Schema, ValidateFunction>();
  const validator = (ajv: Ajv, schema: Schema) => {
    let fn = compiled.get(schema);
    if (!fn) compiled.set(schema, (fn = ajv.compile(schema)));
    return fn;
  };
  const templates = Object.keys(doc.paths).sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));

  return {
    check(ex) {
      const problems: string[] = [];
      const where = `${ex.method} ${ex.path}`;
      if (!basePattern.test(ex.path)) return [`${where}: not under the server URL ${base}`];
      const path = ex.path.replace(basePattern, '');
      let pathParams: Record<string, string> = {};
      const template = templates.find((t) => {
        const names: string[] = [];
        const re = new RegExp(`^${t.replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
        const m = re.exec(path);
        if (m) pathParams = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
        return m !== null;
      });
      const item = template ? doc.paths[template] : undefined;
      const op = item?.[ex.method.toLowerCase()] as Operation | undefined;
      if (!template || !op || !METHODS.includes(ex.method.toLowerCase())) return [`${where}: no such operation in the document`];
      const declared = new Map<string, Parameter>();
      for (const p of [...(item!.parameters ?? []), ...(op.parameters ?? [])]) declared.set(`${p.in}:${p.name}`, p);

      // Parameters: path and query validated as one object each, headers by presence and schema.
      for (const place of ['path', 'query'] as const) {
        const defs = [...declared.values()].filter((p) => p.in === place);
        const values: Record<string, unknown> = {};
        if (place === 'path') Object.assign(values, pathParams);
        else {
          for (const key of new Set(ex.query.keys())) {
            const def = defs.find((p) => p.name === key);
            const raw = ex.query.get(key)!;
            const isArray = def?.schema?.type === 'array';
            values[key] = isArray && def?.explode === false ? raw.split(',') : isArray ? ex.query.getAll(key) : raw;
          }
        }
        const schema = {
          type: 'object',
          properties: Object.fromEntries(defs.map((p) => [p.name, p.schema ?? {}])),
          required: defs.filter((p) => p.required).map((p) => p.name),
          additionalProperties: false,
        };
        const fn = params.compile(schema);
        if (!fn(values)) problems.push(`${where}: ${place} parameters ${params.errorsText(fn.errors, { dataVar: place })}`);
      }
      for (const p of declared.values()) {
        if (p.in !== 'header') continue;
        const value = ex.requestHeaders[p.name.toLowerCase()];
        if (value === undefined) {
          if (p.required) problems.push(`${where}: required header ${p.name} missing`);
        } else if (p.schema && !validator(params, p.schema)(value)) problems.push(`${where}: header ${p.name} invalid`);
      }
      if (!ex.requestHeaders['x-auth-token']) problems.push(`${where}: the X-Auth-Token security header is missing`);

      // Request body.
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      if (ex.requestBody) {
        if (!bodySchema) problems.push(`${where}: a request body where the operation takes none`);
        else if (!/^application\/json\b/.test(ex.requestHeaders['content-type'] ?? '')) problems.push(`${where}: request body not sent as application/json`);
        else {
          const fn = validator(bodies, bodySchema);
          if (!fn(JSON.parse(ex.requestBody))) problems.push(`${where}: request body ${bodies.errorsText(fn.errors, { dataVar: 'body' })}`);
        }
      } else if (op.requestBody?.required) problems.push(`${where}: the required request body is missing`);

      // Response.
      const response = op.responses[String(ex.status)] ?? op.responses.default;
      if (!response) return [...problems, `${where}: response status ${ex.status} is not documented`];
      const responseSchema = response.content?.['application/json']?.schema;
      if (!responseSchema) {
        if (ex.responseBody) problems.push(`${where}: a ${ex.status} response body where the document declares none`);
      } else {
        const fn = validator(bodies, responseSchema);
        if (!fn(ex.responseBody ? JSON.parse(ex.responseBody) : undefined)) {
          problems.push(`${where}: ${ex.status} response ${bodies.errorsText(fn.errors, { dataVar: 'response' })}`);
        }
      }
      return problems;
    },
  };
}
