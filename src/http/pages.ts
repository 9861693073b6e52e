// Reading a paginated list under one policy for every platform: the page count a server announces is trusted
// only up to a maximum, and a list that announces none stops at an empty page, a short page, a page that
// brings nothing new, or the maximum. A server that claims a billion pages, or never stops serving full
// pages of new items, gets a clear error instead of the process's whole memory or forever.
import { ApiError } from '../errors.js';

/** Pages read of one list unless the provider's `max_pages` says otherwise. */
export const DEFAULT_MAX_PAGES = 5000;

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
 * Every item of a list. When the first page says how many pages there are, the rest are fetched at once
 * (the client's limiter paces them); otherwise page after page until one is empty, shorter than the first,
 * or brings nothing new (a server that ignores `page` and sends everything every time).
 */
export async function readPages<T>(fetchPage: (page: number) => Promise<Page<T>>, options: PagingOptions<T>): Promise<T[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const fail = (detail: string) => new ApiError({ provider: options.provider, method: 'GET', path: options.path, status: 200, detail, code: 'api-unexpected' });
  const items = new Map<string, T>();
  /** How many items of the page were not seen before. */
  const add = (page: Page<T>): number => {
    let added = 0;
    for (const item of page.items) {
      const id = options.id(item);
      if (!items.has(id)) added++;
      items.set(id, item);
    }
    return added;
  };

  const first = await fetchPage(1);
  add(first);
  if (first.pageCount !== undefined) {
    if (first.pageCount > maxPages) {
      throw fail(`the answer says the list has ${first.pageCount} pages; groupform reads at most ${maxPages} pages of one list (max_pages)`);
    }
    const rest = await Promise.all(Array.from({ length: Math.max(0, first.pageCount - 1) }, (_, i) => fetchPage(i + 2)));
    rest.forEach((page, i) => {
      // Fetched at once, the pages cannot stop early: a page of nothing but items already read is a server that
      // ignores the page number, and what it holds is not the list it announced.
      if (add(page) === 0 && page.items.length > 0) throw fail(`page ${i + 2} of ${first.pageCount} repeats items of earlier pages`);
    });
    return [...items.values()];
  }
  for (let n = 2, last = first; last.items.length >= first.items.length && last.items.length > 0; n++) {
    if (n > maxPages) throw fail(`the list did not end within ${maxPages} pages (max_pages)`);
    last = await fetchPage(n);
    if (add(last) === 0) break;
  }
  return [...items.values()];
}
