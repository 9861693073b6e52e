// Page and limit parameters, shared by v2 lists and v3 lists: default 50 per page, at most 250 (a larger limit
// is a 413 "The specified limit exceeds the maximum allowed." with `details.max_limit`, as the real v2 says).
import { fail } from './errors.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;

export interface Page {
  page: number;
  limit: number;
}

function positiveInt(raw: string | undefined, name: string, fallback: number, invalidStatus: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1) fail(invalidStatus, `The query parameter '${name}' must be a positive integer.`);
  return n;
}

/** `invalidStatus`: v2 answers a malformed parameter with 400, v3 with 422 ("the filter parameter was not valid"). */
export function parsePage(query: URLSearchParams, invalidStatus: number): Page {
  const page = positiveInt(query.get('page') ?? undefined, 'page', 1, invalidStatus);
  const limit = positiveInt(query.get('limit') ?? undefined, 'limit', DEFAULT_LIMIT, invalidStatus);
  if (limit > MAX_LIMIT) {
    fail(413, 'The specified limit exceeds the maximum allowed.', { details: { max_limit: MAX_LIMIT } });
  }
  return { page, limit };
}

export function slicePage<T>(items: readonly T[], { page, limit }: Page): T[] {
  return items.slice((page - 1) * limit, page * limit);
}

/** v3 `meta.pagination`; links are query strings relative to the endpoint, like the platform's `?page=2&limit=50`. */
export function v3Pagination(total: number, shown: number, at: Page, query: URLSearchParams) {
  const totalPages = Math.ceil(total / at.limit);
  const link = (page: number) => {
    const q = new URLSearchParams({ page: String(page), limit: String(at.limit) });
    for (const [key, value] of query) if (key !== 'page' && key !== 'limit') q.append(key, value);
    return '?' + q.toString();
  };
  return {
    total,
    count: shown,
    per_page: at.limit,
    current_page: at.page,
    total_pages: totalPages,
    links: {
      ...(at.page > 1 ? { previous: link(at.page - 1) } : {}),
      current: link(at.page),
      ...(at.page < totalPages ? { next: link(at.page + 1) } : {}),
    },
  };
}
