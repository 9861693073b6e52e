// schemas/groups.schema.json as an editor or a CI linter uses it: plain ajv in strict mode, the schema alone
// (none of the loader's options or keywords), on the YAML parsed as written (no `${VAR}` resolved).
import { Ajv, type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config/helpers.js';

const schema = JSON.parse(readFileSync(repoRoot + 'schemas/groups.schema.json', 'utf8')) as Record<string, unknown>;

function editorValidator(): ValidateFunction {
  return new Ajv({ strict: true, allErrors: true }).compile(schema);
}

function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const shipped = [
  'groups.yaml',
  ...readdirSync(repoRoot + 'examples')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
];

/** Every `examples` list in the schema, with the subschema it belongs to. */
function examplesIn(node: unknown, path = '#'): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return [];
  const found: [string, Record<string, unknown>][] = [];
  if (Array.isArray((node as { examples?: unknown }).examples)) found.push([path, node as Record<string, unknown>]);
  for (const [key, value] of Object.entries(node)) found.push(...examplesIn(value, `${path}/${key}`));
  return found;
}

describe('schemas/groups.schema.json in an editor', () => {
  it('compiles with ajv in strict mode and no custom keywords', () => {
    expect(() => editorValidator()).not.toThrow();
    expect(JSON.stringify(schema)).not.toMatch(/patternErrorMessage|"discriminator"/);
  });

  it.each(shipped)('accepts %s as written, ${VAR}s and all', (file) => {
    const data: unknown = parse(readFileSync(repoRoot + file, 'utf8'));
    expect(errorsOf(editorValidator(), data)).toEqual([]);
  });

  it('accepts ${VAR} and ${VAR:-default} in web addresses and amounts, and still refuses a bad value', () => {
    const validate = editorValidator();
    const config = (provider: Record<string, unknown>, amount: unknown = 5) => ({
      version: 1,
      providers: { bc: { type: 'bigcommerce', store_hash: '${H}', access_token: '${T}', ...provider } },
      groups: { vip: { name: 'VIP', bigcommerce: { discount_rules: [{ type: 'all', method: 'percent', amount }] } } },
    });
    expect(errorsOf(validate, config({ base_url: '${BC_BASE_URL}' }))).toEqual([]);
    expect(errorsOf(validate, config({ base_url: '${BC_BASE_URL:-https://api.bigcommerce.com}' }))).toEqual([]);
    expect(errorsOf(validate, config({ base_url: 'https://${BC_HOST}/api' }, '${DISCOUNT}'))).toEqual([]);
    expect(errorsOf(validate, config({}, '12.50'))).toEqual([]);
    expect(errorsOf(validate, config({ base_url: 'api.bigcommerce.com' }))).not.toEqual([]);
    expect(errorsOf(validate, config({ base_url: '${not a variable}' }))).not.toEqual([]);
    expect(errorsOf(validate, config({}, '5x'))).not.toEqual([]);
    expect(errorsOf(validate, config({}, -1))).not.toEqual([]);
  });

  it('carries examples, each valid against its own subschema, and defaults for hover help', () => {
    const ajv = new Ajv({ strict: true });
    ajv.addSchema(schema, 'groups');
    const withExamples = examplesIn(schema);
    expect(withExamples.length).toBeGreaterThanOrEqual(20);
    for (const [path, node] of withExamples) {
      const validate = ajv.getSchema(`groups${path}`)!;
      for (const example of node.examples as unknown[]) expect([path, example, validate(example)]).toEqual([path, example, true]);
    }
    expect(JSON.stringify(schema).match(/"default":/g)?.length).toBeGreaterThanOrEqual(8);
  });
});
