// Checks recorded HTTP exchanges against the committed BigCommerce contract (test/contracts/bigcommerce.json,
// derived from the official OpenAPI files by scripts/bigcommerce-contract.ts): ajv validates path and query
// parameters, headers, request and response bodies against its schemas. The only hand-written parts are the
// glue: matching an operation and reading parameters by their `style`. The contract's objects are closed
// where the platform documents the full shape, so a field it does not declare is reported too.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  contractPath,
  type ApiVersion,
  type BigCommerceContract,
  type ContractDocument,
  type ContractParameter,
} from '../../../scripts/bigcommerce-contract.js';

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

type Schema = { [key: string]: unknown };

export interface Contract {
  /** Every way the exchange departs from the document; empty when it conforms. */
  check(exchange: Exchange): string[];
}

/** The committed contract, as the conformance test reads it. */
export const committedContract = (): BigCommerceContract => JSON.parse(readFileSync(contractPath, 'utf8')) as BigCommerceContract;

function newAjv(coerce: boolean): Ajv {
  // Unknown keywords are errors; type-applicability hints are not (the file puts minItems on objects).
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, coerceTypes: coerce });
  addFormats.default(ajv);
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, { type: 'number', validate: () => true });
  return ajv;
}

/** A checker for one API version's part of a contract. */
export function loadContract(contract: BigCommerceContract, version: ApiVersion): Contract {
  const doc: ContractDocument = contract.documents[version];
  const basePattern = new RegExp(`^${doc.basePath.replace(/\{[^}]+\}/g, '[^/]+')}`);
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
      if (!basePattern.test(ex.path)) return [`${where}: not under the server URL ${doc.basePath}`];
      const path = ex.path.replace(basePattern, '');
      let pathParams: Record<string, string> = {};
      const template = templates.find((t) => {
        const names: string[] = [];
        const re = new RegExp(
          `^${t.replace(/\{([^}]+)\}/g, (_, name: string) => {
            names.push(name);
            return '([^/]+)';
          })}$`,
        );
        const m = re.exec(path);
        if (m) pathParams = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
        return m !== null;
      });
      const op = template ? doc.paths[template]![ex.method.toLowerCase()] : undefined;
      if (!op) return [`${where}: no such operation in the contract`];
      const declared: ContractParameter[] = op.parameters;

      // Parameters: path and query validated as one object each, headers by presence and schema.
      for (const place of ['path', 'query'] as const) {
        const defs = declared.filter((p) => p.in === place);
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
      for (const p of declared) {
        if (p.in !== 'header') continue;
        const value = ex.requestHeaders[p.name.toLowerCase()];
        if (value === undefined) {
          if (p.required) problems.push(`${where}: required header ${p.name} missing`);
        } else if (p.schema && !validator(params, p.schema)(value)) problems.push(`${where}: header ${p.name} invalid`);
      }
      if (!ex.requestHeaders['x-auth-token']) problems.push(`${where}: the X-Auth-Token security header is missing`);

      // Request body.
      if (ex.requestBody) {
        if (!op.requestBody) problems.push(`${where}: a request body where the operation takes none`);
        else if (!/^application\/json\b/.test(ex.requestHeaders['content-type'] ?? '')) problems.push(`${where}: request body not sent as application/json`);
        else {
          const fn = validator(bodies, op.requestBody.schema);
          if (!fn(JSON.parse(ex.requestBody))) problems.push(`${where}: request body ${bodies.errorsText(fn.errors, { dataVar: 'body' })}`);
        }
      } else if (op.requestBody?.required) problems.push(`${where}: the required request body is missing`);

      // Response.
      const status = String(ex.status) in op.responses ? String(ex.status) : 'default';
      const response = op.responses[status];
      if (response === undefined) return [...problems, `${where}: response status ${ex.status} is not documented`];
      if (response === null) {
        if (ex.responseBody) problems.push(`${where}: a ${ex.status} response body where the document declares none`);
      } else {
        const fn = validator(bodies, response);
        if (!fn(ex.responseBody ? JSON.parse(ex.responseBody) : undefined)) {
          problems.push(`${where}: ${ex.status} response ${bodies.errorsText(fn.errors, { dataVar: 'response' })}`);
        }
      }
      return problems;
    },
  };
}
