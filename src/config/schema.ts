// Stage 2: the data against schemas/groups.schema.json (ajv), each ajv error turned into a sentence a
// merchant understands, at the line and column of the offending key or value.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import type { Finding } from '../model.js';
import type { GroupsConfig } from './schema-types.js';
import { capital, characters, either, kindOf, shown, subject, typeInWords } from './describe.js';
import { segments, type Path, type Positions } from './positions.js';
import { closest } from './suggest.js';

type Schema = Record<string, unknown> & { properties?: Record<string, unknown>; oneOf?: { $ref: string }[] };

const require = createRequire(import.meta.url);
/** The schema ships in the package beside dist/ (`schemas/`), and is the one source of the config's types. */
export const groupsSchema = require('../../schemas/groups.schema.json') as Schema & { definitions: Record<string, Schema> };

/** What each of the schema's patterns asks for, in words (the schema itself stays plain JSON Schema). */
const PATTERN_RULES = new Map<unknown, string>([
  [groupsSchema.definitions.name.pattern, 'must use only letters, digits, _, - and . (starting with a letter, digit or _)'],
  [groupsSchema.definitions.url.pattern, 'must be a web address starting with https:// (or http://)'],
  [amountPattern(), 'must be a number such as 5 or 12.50'],
  [(groupsSchema.definitions.group.properties?.name as Schema | undefined)?.pattern, 'must not be blank'],
]);

function amountPattern(): unknown {
  const amount = groupsSchema.definitions.discountRule.properties?.amount as { anyOf: { pattern?: string }[] };
  return amount.anyOf.find((branch) => branch.pattern)?.pattern;
}

let compiled: ValidateFunction<GroupsConfig> | undefined;

function validator(): ValidateFunction<GroupsConfig> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true });
    // ajv's `discriminator` (an OpenAPI keyword, kept out of the published schema so that any JSON Schema tool
    // accepts it) picks the provider's branch by its `type`, so errors speak of that platform only.
    const provider = { ...groupsSchema.definitions.provider, required: ['type'], discriminator: { propertyName: 'type' } };
    compiled = ajv.compile<GroupsConfig>({ ...groupsSchema, definitions: { ...groupsSchema.definitions, provider } });
  }
  return compiled;
}

export type SchemaResult = { config: GroupsConfig; findings: [] } | { config?: undefined; findings: Finding[] };

export function checkSchema(data: unknown, positions: Positions): SchemaResult {
  const validate = validator();
  if (validate(data)) return { config: data, findings: [] };
  const findings = new Map<string, Finding>();
  for (const error of pickAnyOfBranches(validate.errors ?? [])) {
    const finding = toFinding(error, positions);
    if (finding) findings.set(`${finding.pos?.line}:${finding.pos?.column}:${finding.message}`, finding);
  }
  return { findings: [...findings.values()] };
}

/**
 * An `anyOf` (a number or a decimal text, a string id or an integer one) fails on every branch: keep the
 * errors of the branch the value's type chose; when no branch takes that type, one `type` error naming all.
 */
function pickAnyOfBranches(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
    const inside = (error: ErrorObject): boolean => error.schemaPath.startsWith(`${anyOf.schemaPath}/`) && error.instancePath === anyOf.instancePath;
    const branches = kept.filter(inside);
    const chosen = branches.filter((error) => error.keyword !== 'type');
    const types = branches.filter((error) => error.keyword === 'type').map((error) => error.params.type as string);
    const merged = { ...anyOf, keyword: 'type', params: { type: types.join(',') } };
    kept = kept.filter((error) => error !== anyOf && !inside(error));
    kept.push(...(chosen.length > 0 ? chosen : [merged]));
  }
  return kept;
}

function toFinding(error: ErrorObject, positions: Positions): Finding | undefined {
  const path = segments(error.instancePath);
  const parent = (error.parentSchema ?? {}) as Schema;
  const at = (message: string, code: string, where = positions.value(path)): Finding => ({ severity: 'error', code, message, pos: where });
  const not = (): string => shown(error.data, path) ?? kindOf(error.data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const valid = Object.keys(parent.properties ?? {});
      const hint = closest(name, valid);
      const help = hint ? `did you mean '${hint}'?` : `valid properties are: ${valid.join(', ')}.`;
      return at(`Unknown property '${name}' in ${subject(path)}; ${help}`, 'unknown-property', positions.key([...path, name]));
    }
    case 'required':
      return at(
        `${capital(subject(path))} is missing the required property '${error.params.missingProperty}'${condition(error)}.`,
        'missing-property',
        positions.key(path),
      );
    case 'type': {
      const wanted = either(String(error.params.type).split(',').map(typeInWords));
      if (error.data === null) return at(`${capital(subject(path))} is empty; it must be ${wanted}.`, 'wrong-type');
      return at(`${capital(subject(path))} must be ${wanted}, not ${not()}.`, 'wrong-type');
    }
    case 'enum':
      return at(oneOfMessage(path, error.params.allowedValues as unknown[], error.data), 'bad-value');
    case 'const':
      return at(`${capital(subject(path))} must be ${String(error.params.allowedValue)}, not ${not()}.`, 'bad-value');
    case 'discriminator':
      return discriminatorFinding(error, path, parent, positions);
    case 'minimum':
    case 'maximum':
      return at(`${capital(subject(path))} must be ${range(parent)}, not ${not()}.`, 'out-of-range');
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return at(`${capital(subject(path))} must not be empty.`, 'empty-value');
    case 'maxLength':
      // Not the value itself: it is long by definition.
      return at(
        `${capital(subject(path))} is ${characters(String(error.data))} characters long; it may have at most ${String(error.params.limit)}.`,
        'too-long',
      );
    case 'uniqueItems': {
      const later = Math.max(Number(error.params.i), Number(error.params.j));
      const item = (error.data as unknown[])[later];
      return at(`${capital(subject(path))} lists ${shown(item, [])} twice.`, 'duplicate-item', positions.value([...path, later]));
    }
    case 'pattern':
      return patternFinding(error, path, positions);
    case 'if':
    case 'propertyNames':
      return undefined; // their inner errors (required, pattern) say it better
    default:
      return at(`${capital(subject(path))} ${error.message ?? 'is not valid'}.`, 'invalid');
  }
}

/** For properties required only for some `type`s: " (needed when 'type' is 'category')". */
function condition(error: ErrorObject): string {
  const type = (error.data as { type?: unknown }).type;
  return /\/(then|else)\//.test(error.schemaPath) && typeof type === 'string' ? ` (needed when 'type' is '${type}')` : '';
}

function oneOfMessage(path: Path, allowed: readonly unknown[], value: unknown): string {
  const hint = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
  const got = shown(value, path) ?? kindOf(value);
  return `${capital(subject(path))} must be ${either(allowed)}, not ${got}${hint ? ` (did you mean '${hint}'?)` : ''}.`;
}

function range(schema: Schema): string {
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return `between ${minimum} and ${maximum}`;
  return minimum !== undefined ? `at least ${minimum}` : `at most ${maximum}`;
}

function discriminatorFinding(error: ErrorObject, path: Path, parent: Schema, positions: Positions): Finding | undefined {
  const type = (error.data as { type?: unknown }).type;
  if (type === undefined) return undefined; // `required` already says the type is missing
  const types = (parent.oneOf ?? []).map((branch) => {
    const name = branch.$ref.split('/').pop() ?? '';
    return (groupsSchema.definitions[name]?.properties?.type as { const?: string } | undefined)?.const;
  });
  const typePath = [...path, 'type'];
  return { severity: 'error', code: 'bad-value', message: oneOfMessage(typePath, types, type), pos: positions.value(typePath) };
}

function patternFinding(error: ErrorObject, path: Path, positions: Positions): Finding {
  const rule = PATTERN_RULES.get(error.params.pattern) ?? `must match ${String(error.params.pattern)}`;
  if (error.propertyName !== undefined) {
    // A key (provider name, group key) rather than a value.
    const name = error.propertyName;
    const what = path.length > 1 ? `The name '${name}' in ${subject(path)}` : path[0] === 'providers' ? `Provider name '${name}'` : `Group key '${name}'`;
    return { severity: 'error', code: 'bad-name', message: `${what} ${rule}.`, pos: positions.key([...path, name]) };
  }
  return {
    severity: 'error',
    code: 'bad-value',
    message: `${capital(subject(path))} ${rule}, not ${shown(error.data, path) ?? kindOf(error.data)}.`,
    pos: positions.value(path),
  };
}

/** The defaults the schema declares for the properties of one of its definitions (`safety`, `group`, …). */
export function schemaDefaults(definition: string): Record<string, unknown> {
  const properties = groupsSchema.definitions[definition]?.properties ?? {};
  const defaults: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const { default: own, $ref } = property as { default?: unknown; $ref?: string };
    const value = own ?? (typeof $ref === 'string' ? groupsSchema.definitions[$ref.split('/').pop() ?? '']?.default : undefined);
    if (value !== undefined) defaults[name] = value;
  }
  return defaults;
}

/** The name of the definition of a provider type (`commercelayer` → `commercelayerProvider`). */
export function providerDefinition(type: string): string {
  const found = Object.entries(groupsSchema.definitions).find(([, schema]) => (schema.properties?.type as { const?: string } | undefined)?.const === type);
  if (!found) throw new Error(`The schema has no provider of type ${type}`);
  return found[0];
}
