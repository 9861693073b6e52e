// Derives test/contracts/bigcommerce.json from BigCommerce's official OpenAPI files (bigcommerce/docs
// reference/customers.v2.yml and customers.v3.yml), so that the conformance test needs nothing outside the
// repository:
//
//   npx tsx scripts/bigcommerce-contract.ts path/to/customers.v2.yml path/to/customers.v3.yml
//
// The contract keeps, for just the operations groupform and its emulator use, the facts a validator needs:
// parameters (name, place, required, style, schema), request and response bodies as JSON Schema (draft-07,
// converted from the OpenAPI 3.0 dialect), enums and required fields; prose, examples and vendor extensions
// are dropped. Objects whose properties the file lists are closed, so a field the platform does not document
// is refused. The official file's known defects are corrected by the patch list below, each as narrowly as
// possible; test/providers/bigcommerce/contract-source.test.ts proves each is still present in the file and
// that the committed contract is what this script derives.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';

type Node = { [key: string]: unknown };

/** What groupform's BigCommerce adapter and emulator use: path (under the file's server URL) → methods. */
export const USED_OPERATIONS = {
  v2: {
    '/customer_groups': ['get', 'post'],
    '/customer_groups/{customer_group_id}': ['get', 'put', 'delete'],
    '/customer_groups/count': ['get'],
  },
  v3: {
    '/customers': ['get', 'put'],
  },
} as const;

export type ApiVersion = keyof typeof USED_OPERATIONS;

/** A known defect of the official file: what is wrong, and the smallest correction that makes it say what BigCommerce documents. */
export interface KnownDefect {
  id: string;
  version: ApiVersion;
  description: string;
  patch(doc: Node): void;
}

const schemaOf = (doc: Node, name: string) => ((doc.components as Node).schemas as Record<string, Node>)[name]!;
const rulesOf = (doc: Node, schema: string) => (schemaOf(doc, schema).properties as Node).discount_rules as Node;
const oneOfAsAnyOf = (node: Node) => {
  node.anyOf = node.oneOf;
  delete node.oneOf;
};

/** The known defects of customers.v2.yml. customers.v3.yml has none that the used operations reach. */
export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'full-discount-rules-oneOf',
    version: 'v2',
    // The four branches (price list, product, category, all) overlap: no branch excludes the others, so every
    // rule list, [] included, matches several and fails "must match exactly one schema".
    description: 'customerGroup_Full.discount_rules: a oneOf of overlapping array schemas; read as anyOf.',
    patch: (doc) => oneOfAsAnyOf(rulesOf(doc, 'customerGroup_Full')),
  },
  {
    id: 'post-put-price-list-required-field',
    version: 'v2',
    // The API, its examples and the property the same schema declares are `price_list_id`.
    description: 'customerGroup_Post_Put: the price-list rule requires `price_list`; required as `price_list_id`.',
    patch: (doc) => {
      const rules = rulesOf(doc, 'customerGroup_Post_Put');
      const priceList = ((rules.oneOf ?? rules.anyOf) as Node[])[0]!;
      (priceList.items as Node).required = ['type', 'price_list_id'];
    },
  },
  {
    id: 'post-put-discount-rules-oneOf',
    version: 'v2',
    // An empty list (which clears the rules) matches both branches.
    description: 'customerGroup_Post_Put.discount_rules: `[]` matches both branches of the oneOf; read as anyOf.',
    patch: (doc) => oneOfAsAnyOf(rulesOf(doc, 'customerGroup_Post_Put')),
  },
];

export interface ContractParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Node;
}

export interface ContractOperation {
  parameters: ContractParameter[];
  /** The application/json request body, when the operation takes one. */
  requestBody?: { required: boolean; schema: Node };
  /** Status (or `default`) → the application/json response schema, or null when the document declares no body. */
  responses: Record<string, Node | null>;
}

export interface ContractDocument {
  /** The official file this part was derived from. */
  source: { file: string; sha256: string };
  /** Path prefix of the file's server URL, `{variables}` kept (`/stores/{store_hash}/v2`). */
  basePath: string;
  /** Path template → method → operation. */
  paths: Record<string, Record<string, ContractOperation>>;
}

export interface BigCommerceContract {
  comment: string;
  /** Ids of the KNOWN_DEFECTS patched in. */
  patched: string[];
  documents: Record<ApiVersion, ContractDocument>;
}

// Keywords that are prose or examples, not facts a validator checks.
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'discriminator', 'xml']);
// Keywords whose value is a map of names → schemas: the names are data, never annotations.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
// Keywords whose value is data, copied as it is.
const VALUES = new Set(['enum', 'const', 'default']);

/** A copy of an OpenAPI 3.0 schema as JSON Schema draft-07, annotations dropped, documented objects closed. */
function toJsonSchema(node: unknown, allOfParts: Set<Node>, inMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, allOfParts));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Node;
  if (inMap) return Object.fromEntries(Object.entries(source).map(([name, schema]) => [name, toJsonSchema(schema, allOfParts)]));
  const out: Node = {};
  for (const [key, value] of Object.entries(source)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (VALUES.has(key)) out[key] = value;
    else out[key] = toJsonSchema(value, allOfParts, SCHEMA_MAPS.has(key));
  }
  if (source.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  for (const [flag, bound] of [
    ['exclusiveMaximum', 'maximum'],
    ['exclusiveMinimum', 'minimum'],
  ] as const) {
    if (out[flag] === true) {
      out[flag] = out[bound];
      delete out[bound];
    } else if (out[flag] === false) delete out[flag];
  }
  // A part of an allOf stays open: the other parts add properties to the same object.
  const isObject = out.type === 'object' || (out.type === undefined && typeof out.properties === 'object');
  if (
    isObject &&
    typeof out.properties === 'object' &&
    out.additionalProperties === undefined &&
    !out.allOf &&
    !out.anyOf &&
    !out.oneOf &&
    !allOfParts.has(source)
  ) {
    out.additionalProperties = false;
  }
  return out;
}

function collectAllOfParts(node: unknown, parts: Set<Node>, seen = new Set<unknown>()): Set<Node> {
  if (typeof node !== 'object' || node === null || seen.has(node)) return parts;
  seen.add(node);
  const n = node as Node;
  if (Array.isArray(n.allOf)) for (const part of n.allOf) parts.add(part as Node);
  for (const value of Object.values(n)) collectAllOfParts(value, parts, seen);
  return parts;
}

async function deriveDocument(file: string, version: ApiVersion, defects: readonly KnownDefect[]): Promise<ContractDocument> {
  const text = await readFile(file);
  await SwaggerParser.validate(file);
  const doc = (await SwaggerParser.dereference(file)) as unknown as Node;
  for (const defect of defects) if (defect.version === version) defect.patch(doc);
  const allOfParts = collectAllOfParts(doc.paths, new Set());
  const schema = (s: unknown) => toJsonSchema(s, allOfParts) as Node;

  const docPaths = doc.paths as Record<string, Node>;
  const paths: ContractDocument['paths'] = {};
  for (const [template, methods] of Object.entries(USED_OPERATIONS[version])) {
    const item = docPaths[template];
    if (!item) throw new Error(`${basename(file)}: no path ${template}`);
    paths[template] = {};
    for (const method of methods) {
      const op = item[method] as Node | undefined;
      if (!op) throw new Error(`${basename(file)}: no operation ${method.toUpperCase()} ${template}`);
      // Operation parameters override path-level ones of the same place and name.
      const declared = new Map<string, Node>();
      for (const p of [...((item.parameters as Node[]) ?? []), ...((op.parameters as Node[]) ?? [])]) declared.set(`${p.in}:${p.name}`, p);
      const parameters = [...declared.values()].map((p) => {
        const out: ContractParameter = { name: p.name as string, in: p.in as ContractParameter['in'] };
        if (p.required === true) out.required = true;
        if (typeof p.style === 'string') out.style = p.style;
        if (typeof p.explode === 'boolean') out.explode = p.explode;
        if (p.schema) out.schema = schema(p.schema);
        return out;
      });
      const contractOp: ContractOperation = { parameters, responses: {} };
      const body = op.requestBody as { required?: boolean; content?: Record<string, Node> } | undefined;
      const bodySchema = body?.content?.['application/json']?.schema;
      if (bodySchema) contractOp.requestBody = { required: body!.required === true, schema: schema(bodySchema) };
      for (const [status, response] of Object.entries(op.responses as Record<string, Node>)) {
        const responseSchema = (response.content as Record<string, Node> | undefined)?.['application/json']?.schema;
        contractOp.responses[status] = responseSchema ? schema(responseSchema) : null;
      }
      paths[template][method] = contractOp;
    }
  }
  const server = ((doc.servers as { url: string }[] | undefined)?.[0]?.url ?? '/').replace(/\{([^}]+)\}/g, 'VAR-$1');
  const basePath = new URL(server, 'http://x').pathname.replace(/\/$/, '').replace(/VAR-([^/]+)/g, '{$1}');
  return { source: { file: basename(file), sha256: createHash('sha256').update(text).digest('hex') }, basePath, paths };
}

/** The contract the official files give, with the listed defects patched (all of them unless told otherwise). */
export async function deriveBigCommerceContract(v2File: string, v3File: string, defects: readonly KnownDefect[] = KNOWN_DEFECTS): Promise<BigCommerceContract> {
  return {
    comment: 'Derived by scripts/bigcommerce-contract.ts from the official OpenAPI files named below. Do not edit: re-run the script.',
    patched: defects.map((d) => d.id),
    documents: { v2: await deriveDocument(v2File, 'v2', defects), v3: await deriveDocument(v3File, 'v3', defects) },
  };
}

export const contractPath = fileURLToPath(new URL('../test/contracts/bigcommerce.json', import.meta.url));

/** The file's text exactly as committed. */
export const renderContract = (contract: BigCommerceContract) => `${JSON.stringify(contract, null, 1)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [v2File, v3File] = process.argv.slice(2);
  if (!v2File || !v3File) {
    console.error('usage: tsx scripts/bigcommerce-contract.ts customers.v2.yml customers.v3.yml');
    process.exitCode = 2;
  } else {
    await writeFile(contractPath, renderContract(await deriveBigCommerceContract(v2File, v3File)));
  }
}
