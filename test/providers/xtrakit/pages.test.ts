import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/providers/xtrakit/pages.js';

const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i }));
const ids = (list: { id?: unknown }[]) => list.map((r) => r.id);

describe('parsePage', () => {
  it('reads an array with pagination numbers under data.pagination', () => {
    const page = parsePage({ data: { customers: rows(1, 2), pagination: { last_page: 3 } } }, 'customers');
    expect(ids(page.items)).toEqual([1, 2]);
    expect(page.pageCount).toBe(3);
  });

  it('reads an object keyed by id, with no pagination numbers', () => {
    const page = parsePage({ data: { groups: { 7: { id: 7 }, 9: { id: 9 } } } }, 'groups');
    expect(ids(page.items)).toEqual([7, 9]);
    expect(page.pageCount).toBeUndefined();
  });

  it('reads a Laravel paginator and derives the last page from total and per_page', () => {
    const body = { data: { customers: { data: rows(1, 2), total: 5, per_page: 2 } } };
    expect(parsePage(body, 'customers')).toEqual({ items: rows(1, 2), pageCount: 3 });
  });

  it('finds top-level meta', () => {
    expect(parsePage({ data: { customers: [] }, meta: { last_page: 1 } }, 'customers').pageCount).toBe(1);
  });
});
