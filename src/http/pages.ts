// Reading a paginated list under one policy for every platform: the page count a server announces is trusted
// only up to a maximum, and a list that announces none stops at an empty page, a short page, a page that
// brings nothing new, or the maximum. A server that claims a billion pages, or never stops serving full
// pages of new items, gets a clear error instead of the process's whole memory or forever.
import { ApiError } from '../errors.js';
import { mapPool } from '../pool.js';

/** Pages read of one list unless the provider's `max_pages` says otherwise. */
export const DEFAULT_MAX_PAGES = 5000;

/**
 * Pages, or lists, asked for at once: more than any platform's client lets through at once (4 to 6), so that
 * the client's limiter still sets the pace, and few enough that a read of thousands of pages does not hold a
 * request for each in memory (with its answer, until a full GC) while it waits for its turn.
 */
export const PAGES_AT_ONCE = 16;

export interface Page<T> {
  items: T[];
  /** How many pages the list has, when the answer says. */
  pageCount?: number;
}

export interface PagingOptions<T> {
  provider: string;
  /** The list's path, as the client names it in errors (`HttpClient.pathOf`). */
  path: string;
  /** An item's identity, to tell a page that repeats earlier ones. */
  id(item: T): string;
  /** Most pages read; default DEFAULT_MAX_PAGES. */
  maxPages?: number;
}

/**
 * Every item of a list. When the first page says how many pages there are, the rest are fetched
 * PAGES_AT_ONCE at a time (the client's limiter paces them); otherwise page after page until one is empty, shorter than the first,
 * or brings nothing new (a server that ignores `page` and sends everything every time).
 */
export async function readPages<T>(fetchPage: (page: number) => Promise<Page<T>>, options: PagingOptions<T>): Promise<T[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const fail = (detail: string) => new ApiError({ provider: options.provider, method: 'GET', path: options.path, status: 200, detail, code: 'api-unexpected' });
  // Each page keeps only the items not read before (an item that moved while the list was read is on two
  // pages), by page number, so that the list comes out in page order whatever order the pages arrive in.
  const pages: T[][] = [];
  const seen = new Set<string>();
  /** Keeps what of `page` is new; how many items that was. */
  const add = (n: number, page: Page<T>): number => {
    const fresh = page.items.filter((item) => {
      const id = options.id(item);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    pages[n] = fresh;
    return fresh.length;
  };

  const first = await fetchPage(1);
  add(1, first);
  if (first.pageCount !== undefined) {
    const pageCount = first.pageCount;
    if (pageCount > maxPages) {
      throw fail(`the answer says the list has ${pageCount} pages; groupform reads at most ${maxPages} pages of one list (max_pages)`);
    }
    const numbers = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
    await mapPool(numbers, PAGES_AT_ONCE, async (n) => {
      const page = await fetchPage(n);
      // Fetched ahead, the pages cannot stop early: a page of nothing but items already read is a server that
      // ignores the page number, and what it holds is not the list it announced.
      if (add(n, page) === 0 && page.items.length > 0) throw fail(`page ${n} of ${pageCount} repeats items of earlier pages`);
    });
    return joined(pages);
  }
  for (let n = 2, last = first; last.items.length >= first.items.length && last.items.length > 0; n++) {
    if (n > maxPages) throw fail(`the list did not end within ${maxPages} pages (max_pages)`);
    last = await fetchPage(n);
    if (add(n, last) === 0) break;
  }
  return joined(pages);
}

/** The pages' items in one list, sized once: `flat()` would grow it item by item (a million, at most). */
function joined<T>(pages: readonly (T[] | undefined)[]): T[] {
  let length = 0;
  for (const page of pages) length += page?.length ?? 0;
  const items = new Array<T>(length);
  let k = 0;
  for (const page of pages) for (const item of page ?? []) items[k++] = item;
  return items;
}
