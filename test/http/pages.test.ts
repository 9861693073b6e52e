import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PAGES, readPages, type Page } from '../../src/http/pages.js';
import { ApiError } from '../../src/errors.js';

type Item = { id: number };
const items = (from: number, to: number): Item[] => Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i }));
const ids = (list: Item[]) => list.map((r) => r.id);
const options = { provider: 'p', path: '/things', id: (item: Item) => String(item.id) };

function server(all: Item[], size: number, withCount: boolean) {
  const asked: number[] = [];
  const fetchPage = async (n: number): Promise<Page<Item>> => {
    asked.push(n);
    const pageCount = Math.max(1, Math.ceil(all.length / size));
    return { items: all.slice((n - 1) * size, n * size), ...(withCount ? { pageCount } : {}) };
  };
  return { asked, fetchPage };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('readPages', () => {
  it('fetches the remaining pages the first one announces', async () => {
    const s = server(items(1, 25), 10, true);
    expect(ids(await readPages(s.fetchPage, options))).toEqual(ids(items(1, 25)));
    expect(s.asked.sort()).toEqual([1, 2, 3]);
  });

  it('without a count, stops at the first short page', async () => {
    const s = server(items(1, 25), 10, false);
    expect(ids(await readPages(s.fetchPage, options))).toEqual(ids(items(1, 25)));
    expect(s.asked).toEqual([1, 2, 3]);
  });

  it('without a count, stops at an empty page when the last page is full', async () => {
    const s = server(items(1, 20), 10, false);
    expect(await readPages(s.fetchPage, options)).toHaveLength(20);
    expect(s.asked).toEqual([1, 2, 3]);
  });

  it('without a count, stops when a server ignores the page number and repeats itself', async () => {
    const asked: number[] = [];
    const all = await readPages(async (n) => {
      asked.push(n);
      return { items: items(1, 4) };
    }, options);
    expect(ids(all)).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([1, 2]);
  });

  it('asks once for an empty list', async () => {
    const s = server([], 10, false);
    expect(await readPages(s.fetchPage, options)).toEqual([]);
    expect(s.asked).toEqual([1]);
  });

  it('refuses a page count above the maximum before asking for another page', async () => {
    const asked: number[] = [];
    const error = await failure(
      readPages(async (n) => {
        asked.push(n);
        return { items: items(1, 25), pageCount: 1e9 };
      }, options),
    );
    expect(error.message).toBe(
      `p: GET /things failed (HTTP 200): the answer says the list has 1000000000 pages; groupform reads at most ${DEFAULT_MAX_PAGES} pages of one list (max_pages)`,
    );
    expect(asked).toEqual([1]);
  });

  it('stops a list that never ends at the maximum, by default and as configured', async () => {
    const endless = (asked: number[]) => async (n: number) => {
      asked.push(n);
      return { items: items(n * 10, n * 10 + 9) };
    };
    const byDefault: number[] = [];
    expect((await failure(readPages(endless(byDefault), options))).detail).toBe(`the list did not end within ${DEFAULT_MAX_PAGES} pages (max_pages)`);
    expect(byDefault).toHaveLength(DEFAULT_MAX_PAGES);
    const configured: number[] = [];
    expect((await failure(readPages(endless(configured), { ...options, maxPages: 3 }))).detail).toBe('the list did not end within 3 pages (max_pages)');
    expect(configured).toEqual([1, 2, 3]);
  });

  it('refuses counted pages that repeat earlier ones', async () => {
    const error = await failure(readPages(async () => ({ items: items(1, 10), pageCount: 3 }), options));
    expect(error.detail).toBe('page 2 of 3 repeats items of earlier pages');
  });
});
