import { describe, expect, it } from 'vitest';
import { parsePage, readAll, type Page } from '../../../src/providers/xtrakit/pages.js';

const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i }));
const ids = (list: { id?: unknown }[]) => list.map((r) => r.id);

describe('parsePage', () => {
  it('reads an array with pagination numbers under data.pagination', () => {
    const page = parsePage({ data: { customers: rows(1, 2), pagination: { last_page: 3 } } }, 'customers');
    expect(ids(page.rows)).toEqual([1, 2]);
    expect(page.lastPage).toBe(3);
  });

  it('reads an object keyed by id, with no pagination numbers', () => {
    const page = parsePage({ data: { groups: { 7: { id: 7 }, 9: { id: 9 } } } }, 'groups');
    expect(ids(page.rows)).toEqual([7, 9]);
    expect(page.lastPage).toBeUndefined();
  });

  it('reads a Laravel paginator and derives the last page from total and per_page', () => {
    const body = { data: { customers: { data: rows(1, 2), total: 5, per_page: 2 } } };
    expect(parsePage(body, 'customers')).toEqual({ rows: rows(1, 2), lastPage: 3 });
  });

  it('finds top-level meta, and tolerates a missing list', () => {
    expect(parsePage({ data: { customers: [] }, meta: { last_page: 1 } }, 'customers').lastPage).toBe(1);
    expect(parsePage({ data: {} }, 'customers')).toEqual({ rows: [], lastPage: undefined });
  });
});

describe('readAll', () => {
  function server(all: { id: number }[], size: number, withMeta: boolean) {
    const asked: number[] = [];
    const fetchPage = async (n: number): Promise<Page> => {
      asked.push(n);
      const lastPage = Math.max(1, Math.ceil(all.length / size));
      return { rows: all.slice((n - 1) * size, n * size), lastPage: withMeta ? lastPage : undefined };
    };
    return { asked, fetchPage };
  }

  it('fetches the remaining pages the first one announces', async () => {
    const s = server(rows(1, 25), 10, true);
    expect(ids(await readAll(s.fetchPage))).toEqual(ids(rows(1, 25)));
    expect(s.asked.sort()).toEqual([1, 2, 3]);
  });

  it('without numbers, stops at the first short page', async () => {
    const s = server(rows(1, 25), 10, false);
    expect(ids(await readAll(s.fetchPage))).toEqual(ids(rows(1, 25)));
    expect(s.asked).toEqual([1, 2, 3]);
  });

  it('without numbers, stops at an empty page when the last page is full', async () => {
    const s = server(rows(1, 20), 10, false);
    expect(ids(await readAll(s.fetchPage))).toHaveLength(20);
    expect(s.asked).toEqual([1, 2, 3]);
  });

  it('stops when a server ignores the page number and repeats itself', async () => {
    const asked: number[] = [];
    const all = await readAll(async (n) => (asked.push(n), { rows: rows(1, 4) }));
    expect(ids(all)).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([1, 2]);
  });

  it('asks once for an empty list', async () => {
    const s = server([], 10, false);
    expect(await readAll(s.fetchPage)).toEqual([]);
    expect(s.asked).toEqual([1]);
  });
});
