// JSON:API calls to Commerce Layer: the media type on every call, documents in and out, and lists read
// in full — the first page tells `meta.page_count`, then the other pages are fetched at once (the client's
// limiter keeps them within the rate limits, `readPages` bounds their number).
import type { Json } from '../../model.js';
import { anyAnswer, readPages, type HttpClient, type Query } from '../../http/index.js';
import { listDocument, resourceDocument } from './shapes.js';

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

export interface Document {
  data: Resource;
}

export interface ListDocument {
  data: Resource[];
  meta: { page_count: number; record_count?: number };
}

export interface ClApi {
  /** The API's origin, for URL-length budgets. */
  baseUrl: string;
  /** Every resource of a filtered list, over all its pages. */
  list(path: string, query: Query): Promise<Resource[]>;
  create(type: string, attributes: Record<string, Json>): Promise<Resource>;
  update(type: string, id: string, changes: Pick<Resource, 'attributes' | 'relationships'>, query?: Query): Promise<Resource>;
  remove(type: string, id: string): Promise<void>;
}

const write = { 'Content-Type': MEDIA_TYPE };

export function createClApi(http: HttpClient, provider: string, maxPages: number, baseUrl: string): ClApi {
  const page = async (path: string, query: Query, number: number) => {
    const doc = await http.request(path, { shape: listDocument, query: { ...query, 'page[size]': PAGE_SIZE, 'page[number]': number } });
    return { items: doc.data, pageCount: Math.max(1, doc.meta.page_count) };
  };

  return {
    baseUrl,
    list: (path, query) => readPages((n) => page(path, query, n), { provider, path: http.pathOf(path), id: (r) => r.id, maxPages }),
    async create(type, attributes) {
      const body = { data: { type, attributes } };
      return (await http.request(`/api/${type}`, { shape: resourceDocument, method: 'POST', headers: write, body })).data;
    },
    async update(type, id, changes, query) {
      const body = { data: { type, id, ...changes } };
      const path = `/api/${type}/${encodeURIComponent(id)}`;
      return (await http.request(path, { shape: resourceDocument, method: 'PATCH', headers: write, body, query })).data;
    },
    async remove(type, id) {
      await http.request(`/api/${type}/${encodeURIComponent(id)}`, { shape: anyAnswer, method: 'DELETE' });
    },
  };
}
