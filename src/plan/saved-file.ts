// Reading a saved plan back: JSON, the right kind of file and format version, the schema
// (schemas/saved-plan.schema.json), then the checksum. Each refusal says what the file is and what to do.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { PlanError } from '../errors.js';
import { checksumOf, SAVED_PLAN_FORMAT, SAVED_PLAN_VERSION, type SavedPlan } from './saved.js';

const require = createRequire(import.meta.url);
// The schemas ship in the package beside dist/ and are the one description of the file.
const schemas = [require('../../schemas/plan.schema.json') as object, require('../../schemas/saved-plan.schema.json') as object];

let compiled: ValidateFunction<SavedPlan> | undefined;

function validator(): ValidateFunction<SavedPlan> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, schemas });
    addFormats.default(ajv, ['date-time']);
    compiled = ajv.getSchema<SavedPlan>('saved-plan.schema.json') as ValidateFunction<SavedPlan>;
  }
  return compiled;
}

const REMAKE = 'make a new one with `groupform plan --out FILE`';

/** A saved plan is a few MB for tens of thousands of moves; anything far larger is not one. */
export const MAX_SAVED_PLAN_BYTES = 256 * 1024 * 1024;

/** Parses and checks a saved plan's text; `file` names it in messages. Throws PlanError. */
export function parseSavedPlan(text: string, file: string): SavedPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw refused(`${file} is not a saved plan: it is not JSON (${(error as Error).message})`, error);
  }
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (fields.format !== SAVED_PLAN_FORMAT) {
    const printed = 'changes' in fields && 'fingerprint' in fields;
    throw refused(
      printed
        ? `${file} is a plan printed by \`--format json\`, which cannot be applied: save a plan with \`groupform plan --out ${file}\``
        : `${file} is not a groupform saved plan; ${REMAKE}`,
    );
  }
  if (fields.formatVersion !== SAVED_PLAN_VERSION) {
    throw new PlanError(
      'plan-file-version',
      `${file} has saved-plan format version ${JSON.stringify(fields.formatVersion)}, and this groupform reads version ${SAVED_PLAN_VERSION}; make the plan again with this groupform`,
    );
  }
  const validate = validator();
  if (!validate(data)) throw refused(`${file} is not a valid saved plan (was it edited?): ${describe(validate.errors ?? [])}; ${REMAKE}`);
  if (checksumOf(data) !== data.checksum) {
    throw refused(`${file} was changed after groupform wrote it (its checksum does not match): a saved plan is applied exactly as reviewed; ${REMAKE}`);
  }
  return data;
}

function refused(message: string, cause?: unknown): PlanError {
  return new PlanError('plan-file-invalid', message, [], cause === undefined ? undefined : { cause });
}

/** The first few schema errors, as `/plan/changes/0/action must be equal to one of the allowed values`. */
function describe(errors: readonly ErrorObject[]): string {
  // if/then and oneOf report their inner errors too; these add nothing a person can act on.
  const filtered = errors.filter((error) => !['if', 'oneOf'].includes(error.keyword));
  const useful = filtered.length > 0 ? filtered : errors;
  const shown = useful.slice(0, 3).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`);
  return shown.join('; ') + (useful.length > shown.length ? ` (and ${useful.length - shown.length} more)` : '');
}
