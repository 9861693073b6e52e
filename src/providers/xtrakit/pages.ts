// Reading a whole Xtrakit list. The documentation shows neither pagination nor the exact list shape, so this
// accepts what a Laravel app plausibly sends: `data.<key>` as an array, as an object keyed by id, or as a
// Laravel paginator (`{data: [...], last_page, ...}`); page numbers in `data.pagination`, `data.meta`,
// top-level `meta` or that paginator, or nowhere at all.

export type Row = Record<string, unknown>;

export interface Page {
  rows: Row[];
  /** The number of the last page, when the answer says. */
  lastPage?: number;
}

/** The rows and paging numbers of one list answer (the envelope's body). */
export function parsePage(body: unknown, key: string): Page {
  const data = record(record(body)?.data);
  const list = data?.[key];
  const paginator = record(list) && Array.isArray(record(list)!.data) ? record(list)! : undefined;
  const items = paginator ? paginator.data : list;
  const rows = Array.isArray(items) ? items : record(items) ? Object.values(items as Row) : [];
  const meta = paginator ?? record(data?.pagination) ?? record(data?.meta) ?? record(record(body)?.meta);
  return { rows: rows.filter((r): r is Row => record(r) !== undefined), lastPage: lastPage(meta) };
}

function lastPage(meta: Row | undefined): number | undefined {
  if (!meta) return undefined;
  if (isCount(meta.last_page)) return meta.last_page;
  const total = Number(meta.total);
  const perPage = Number(meta.per_page);
  return isCount(total) && isCount(perPage) && perPage > 0 ? Math.max(1, Math.ceil(total / perPage)) : undefined;
}

/**
 * Every row of a list. When the first page says how many pages there are, the rest are fetched at once
 * (the client's limiter paces them); otherwise page after page until one is empty, shorter than the first,
 * or brings nothing new (a server that ignores `page` and sends everything every time).
 */
export async function readAll(fetchPage: (page: number) => Promise<Page>): Promise<Row[]> {
  const first = await fetchPage(1);
  const rows = new Map<string, Row>();
  const add = (page: Page): number => {
    let added = 0;
    for (const row of page.rows) {
      const id = String(row.id);
      if (!rows.has(id)) added++;
      rows.set(id, row);
    }
    return added;
  };
  add(first);
  if (first.lastPage !== undefined) {
    const rest = Array.from({ length: first.lastPage - 1 }, (_, i) => fetchPage(i + 2));
    for (const page of await Promise.all(rest)) add(page);
    return [...rows.values()];
  }
  for (let n = 2, last = first; last.rows.length >= first.rows.length && last.rows.length > 0; n++) {
    last = await fetchPage(n);
    if (add(last) === 0) break;
  }
  return [...rows.values()];
}

/** The value as a record, when it is a JSON object. */
export function record(value: unknown): Row | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
