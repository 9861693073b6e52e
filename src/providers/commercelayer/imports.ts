// Joins and moves through Commerce Layer imports (https://docs.commercelayer.io/core/importing-resources):
// one `customers` import per 10,000 changes, one after another, each polled to completion with a growing
// pause and a bound on the whole wait; each failed row comes back as its own change's failure.
//
// An import updates the record its row names by `id` (else by the unique key, e-mail for customers) and
// *creates* one it cannot find. groupform never creates customers, so a row carries only the id of a customer
// this run read live and its new `customer_group_id` — never an e-mail, which would create a customer where
// none has it. Whether the platform's import can clear a group is not documented, so leaving a group stays a PATCH.
import { GroupformError } from '../../errors.js';
import type { Json } from '../../model.js';
import type { Clock } from '../../http/index.js';
import type { MembershipResult, ResolvedMembershipChange } from '../provider.js';
import type { ClApi, ImportStatus } from './api.js';
import { pollJob } from './poll.js';

/** The most inputs one import takes (sdk-utils `imports.max_size`; more is refused at creation). */
export const IMPORT_MAX_ROWS = 10_000;
/** How much of a row's logged errors a failure quotes. */
const QUOTE = 200;

export interface ImportDeps {
  api: ClApi;
  clock: Clock;
  provider: string;
}

export async function importMemberships(deps: ImportDeps, changes: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
  const results: MembershipResult[] = [];
  for (let i = 0; i < changes.length; i += IMPORT_MAX_ROWS) results.push(...(await runImport(deps, changes.slice(i, i + IMPORT_MAX_ROWS))));
  return results;
}

async function runImport(deps: ImportDeps, chunk: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
  const rows = chunk.map(({ change, groupId }): Record<string, Json> => {
    if (groupId === null) throw new GroupformError('plan-invalid', `${change.address}: an import only joins or moves a customer`);
    return { id: change.customerId, customer_group_id: groupId };
  });
  const failAll = (error: unknown) => chunk.map(({ change }) => ({ change, error: error instanceof Error ? error : new Error(String(error)) }));
  let created: { id: string; status: ImportStatus };
  try {
    created = await deps.api.createImport(rows);
  } catch (error) {
    return failAll(error);
  }
  try {
    const status = await pollJob(deps.clock, `${deps.provider}: import ${created.id}`, created.status, () => deps.api.importStatus(created.id));
    return importOutcomes(deps.provider, created.id, status, chunk);
  } catch (error) {
    return failAll(error);
  }
}

/**
 * Each change's outcome from a finished import. `errors_log` keys a failed row by its id (groupform's rows carry
 * no other key); an interrupted import handled its rows in order up to `processed_count + errors_count`, so the
 * rows after that were never tried. A log groupform cannot match to its rows leaves every row unconfirmed.
 */
export function importOutcomes(provider: string, id: string, status: ImportStatus, chunk: ResolvedMembershipChange[]): MembershipResult[] {
  const log = status.errors_log ?? {};
  const byId = new Set(chunk.map(({ change }) => change.customerId));
  const strangers = Object.keys(log).filter((key) => !byId.has(key));
  if (strangers.length > 0 || Object.keys(log).length !== status.errors_count) {
    const error = new GroupformError(
      'api-unexpected',
      `${provider}: import ${id} reported ${status.errors_count} failed rows that groupform cannot match to its changes; run plan again to see what remains`,
    );
    return chunk.map(({ change }) => ({ change, error }));
  }
  const reached = status.status === 'completed' ? chunk.length : status.processed_count + status.errors_count;
  return chunk.map(({ change }, index): MembershipResult => {
    const logged = log[change.customerId];
    if (logged !== undefined) {
      return { change, error: new GroupformError('api-row-failed', `${provider}: import ${id} refused customer ${change.customerId}: ${describe(logged)}`) };
    }
    if (index < reached) return { change };
    return {
      change,
      error: new GroupformError(
        'api-row-failed',
        `${provider}: import ${id} was interrupted (more than 10% of its rows failed) before customer ${change.customerId}`,
      ),
    };
  });
}

/** `{"customer_group": ["must exist"]}` → `customer_group must exist`, bounded. */
function describe(entry: Json): string {
  const text =
    entry !== null && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.entries(entry)
          .map(([field, messages]) => `${field} ${Array.isArray(messages) ? messages.join(', ') : JSON.stringify(messages)}`)
          .join('; ')
      : JSON.stringify(entry);
  return text.length > QUOTE ? `${text.slice(0, QUOTE)}…` : text;
}
