// JSON:API calls to Commerce Layer: the media type on every call, documents in and out, and lists read
// in full — the first page tells `meta.page_count`, then the other pages are fetched at once (the client's
// limiter keeps them within the rate limits).
import type { Json } from '../../model.js';
import type { HttpClient, Query } from '../../http/index.js';

export const MEDIA_TYPE = 'application/vnd.api+json';
/** The largest page Commerce Layer serves. */
export const PAGE_SIZE = 25;

export interface Linkage {
  type: string;
  id: string;
}

export interface Resource {
  id: string;
  type: string;
  attributes?: Record<string, Json>;
  /** `data` is present only for included relationships; otherwise only links come back. */
  relationships?: Record<string, { data?: Linkage | Linkage[] | null }>;
}

interface Document {
  data: Resource | Resource[];
  meta?: { page_count?: number; record_count?: number };
}

export interface ClApi {
  /** Every resource of a filtered list, over all its pages. */
  list(path: string, query: Query): Promise<Resource[]>;
  create(type: string, attributes: Record<string, Json>): Promise<Resource>;
  update(type: string, id: string, changes: Pick<Resource, 'attributes' | 'relationships'>, query?: Query): Promise<Resource>;
  remove(type: string, id: string): Promise<void>;
}

const write = { 'Content-Type': MEDIA_TYPE };

export function createClApi(http: HttpClient): ClApi {
  const page = (path: string, query: Query, number: number) =>
    http.request<Document>(path, { query: { ...query, 'page[size]': PAGE_SIZE, 'page[number]': number } });

  return {
    async list(path, query) {
      const first = await page(path, query, 1);
      const pages = Math.max(1, first.meta?.page_count ?? 1);
      const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => page(path, query, i + 2)));
      return [first, ...rest].flatMap((doc) => (Array.isArray(doc.data) ? doc.data : [doc.data]));
    },
    async create(type, attributes) {
      const doc = await http.request<Document>(`/api/${type}`, { method: 'POST', headers: write, body: { data: { type, attributes } } });
      return doc.data as Resource;
    },
    async update(type, id, changes, query) {
      const body = { data: { type, id, ...changes } };
      const doc = await http.request<Document>(`/api/${type}/${encodeURIComponent(id)}`, { method: 'PATCH', headers: write, body, query });
      return doc.data as Resource;
    },
    async remove(type, id) {
      await http.request(`/api/${type}/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
  };
}
