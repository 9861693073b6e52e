// One page of an Xtrakit list. The documentation shows neither pagination nor the exact list shape, so this
// accepts what a Laravel app plausibly sends (shapes.ts checks the answer is one of them first): `data.<key>`
// as an array, as an object keyed by id, or as a Laravel paginator (`{data: [...], last_page, ...}`); page
// numbers in `data.pagination`, `data.meta`, top-level `meta` or that paginator, or nowhere at all.
import type { Page } from '../../http/index.js';

export type Row = Record<string, unknown>;

/** The rows and paging numbers of one list answer (the envelope's body, already checked against its shape). */
export function parsePage(body: unknown, key: string): Page<Row> {
  const data = record(record(body)?.data);
  const list = data?.[key];
  const paginator = record(list) && Array.isArray(record(list)!.data) ? record(list)! : undefined;
  const items = paginator ? paginator.data : list;
  const rows = Array.isArray(items) ? items : record(items) ? Object.values(items as Row) : [];
  const meta = paginator ?? record(data?.pagination) ?? record(data?.meta) ?? record(record(body)?.meta);
  const pageCount = lastPage(meta);
  return { items: rows.filter((r): r is Row => record(r) !== undefined), ...(pageCount === undefined ? {} : { pageCount }) };
}

function lastPage(meta: Row | undefined): number | undefined {
  if (!meta) return undefined;
  if (isCount(meta.last_page)) return meta.last_page;
  const total = Number(meta.total);
  const perPage = Number(meta.per_page);
  return isCount(total) && isCount(perPage) && perPage > 0 ? Math.max(1, Math.ceil(total / perPage)) : undefined;
}

/** The value as a record, when it is a JSON object. */
export function record(value: unknown): Row | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
