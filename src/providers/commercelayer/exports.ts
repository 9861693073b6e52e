// Reading many customers through a Commerce Layer export (https://docs.commercelayer.io/core/exporting-resources)
// instead of pages of 25: a create, a few polls and one download of the gzipped JSON result, when the list's
// first page says the remaining pages would take more calls than that. An export holds at most 10,000 records.
// The result file comes from external storage: fetched without credentials, bounded, its shape checked.
import { GroupformError } from '../../errors.js';
import type { Json } from '../../model.js';
import { shapeProblem, type Clock } from '../../http/index.js';
import type { ClApi, ListSize, Resource } from './api.js';
import { pollJob } from './poll.js';
import { exportRecords } from './shapes.js';

/** What an export costs: it carries at most 10,000 records (more is refused at creation) in its create, about three polls and the download. */
export const EXPORT_COST = { maxItems: 10_000, calls: 5 };
const FIELDS = ['id', 'email', 'customer_group_id', 'updated_at'];

export interface ExportDeps {
  api: ClApi;
  clock: Clock;
  provider: string;
  /** Fetches an attachment link's gunzipped bytes (src/http/download.ts). */
  download(url: string): Promise<Buffer>;
}

/**
 * `run`, one call at a time: a read lists its group chunks at once, and the platform allows only 10 exports
 * in progress per organization (an 11th is refused), so exports queue instead.
 */
export function oneAtATime<A, R>(run: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let queue: Promise<unknown> = Promise.resolve();
  return (arg) => {
    const next = queue.then(() => run(arg));
    queue = next.catch(() => undefined);
    return next;
  };
}

/** Whether an export reads a list of this size in fewer calls than its remaining pages. */
export function exportCheaper(size: ListSize): boolean {
  return size.records <= EXPORT_COST.maxItems && size.pages - 1 > EXPORT_COST.calls;
}

/** The customers `filters` select, as resources shaped like a list's (`customer_group` included). */
export async function exportCustomers(deps: ExportDeps, filters: Record<string, Json>): Promise<Resource[]> {
  const { api, clock, provider } = deps;
  const created = await api.createExport(filters, FIELDS);
  const what = `${provider}: export ${created.id}`;
  const status = await pollJob(clock, what, created.status, () => api.exportStatus(created.id));
  if (status.status !== 'completed' || !status.attachment_url) {
    throw new GroupformError('api-unexpected', `${what} ended ${status.status}${status.status === 'completed' ? ' without an attachment_url' : ''}`);
  }
  const bytes = await deps.download(status.attachment_url);
  let records: unknown;
  try {
    records = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new GroupformError('api-unexpected', `${what}: the result file is not JSON`);
  }
  const problem = shapeProblem(exportRecords, 200, records);
  if (problem) throw new GroupformError('api-unexpected', `${what}: unexpected result file: expected ${exportRecords.what}, got ${problem}`);
  return (records as { id: string; email: string; customer_group_id: string | null; updated_at?: string | null }[]).map((record) => ({
    id: record.id,
    type: 'customers',
    attributes: { email: record.email, ...(record.updated_at ? { updated_at: record.updated_at } : {}) },
    relationships: { customer_group: { data: record.customer_group_id === null ? null : { type: 'customer_groups', id: record.customer_group_id } } },
  }));
}
