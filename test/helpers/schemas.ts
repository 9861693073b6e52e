// The published JSON Schemas (schemas/*.schema.json), compiled with ajv as a consumer of groupform's
// output would compile them: every file registered under its own $id, so cross-file $refs resolve.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../schemas/', import.meta.url));

export function schemaValidator(id: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.schema.json') && name !== 'groups.schema.json')) {
    ajv.addSchema(JSON.parse(readFileSync(dir + file, 'utf8')) as object);
  }
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`no schema ${id}`);
  return validate;
}

/** Validates and returns ajv's errors as readable lines (empty when valid), for `toEqual([])`. */
export function schemaErrors(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
