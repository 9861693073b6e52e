// JSON:API calls to Commerce Layer: the media type on every call, documents in and out, and lists read
// in full — the first page tells `meta.page_count`, then the other pages are fetched at once (the client's
// limiter keeps them within the rate limits, `readPages` bounds their number).
import type { Json } from '../../model.js';
import { anyAnswer, readPages, type HttpClient, type Query } from '../../http/index.js';
import { exportDocument, importDocument, listDocument, resourceDocument } from './shapes.js';

export const MEDIA_TYPE = 'application/vnd.api+json';
/** The largest page Commerce Layer serves. */
export const PAGE_SIZE = 25;

interface Linkage {
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

/** What the first page of a list tells of the whole. */
export interface ListSize {
  records: number;
  pages: number;
}

export interface ImportStatus {
  status: 'pending' | 'in_progress' | 'completed' | 'interrupted';
  processed_count: number;
  errors_count: number;
  errors_log?: Record<string, Json> | null;
}

export interface ImportDocument {
  data: { id: string; type: 'imports'; attributes: ImportStatus };
}

interface ExportStatus {
  status: 'pending' | 'in_progress' | 'completed' | 'interrupted' | 'failed';
  records_count: number;
  attachment_url?: string | null;
}

export interface ExportDocument {
  data: { id: string; type: 'exports'; attributes: ExportStatus };
}

/** One customer in an export's result file: attributes, and relationships as `<name>_id`. */
export interface ExportRecord {
  id: string;
  email: string;
  customer_group_id: string | null;
  updated_at?: string | null;
}

const EXPORT_QUERY: Query = { 'fields[exports]': 'status,records_count,attachment_url' };

/** Only what polling reads: an import's other attributes (its inputs among them, on some API versions) stay home. */
const IMPORT_QUERY: Query = { 'fields[imports]': 'status,processed_count,errors_count,errors_log' };

export interface ClApi {
  /** The API's origin, for URL-length budgets. */
  baseUrl: string;
  /**
   * Every resource of a filtered list, over all its pages. `instead`, given the list's size from its first
   * page, may read it another way (an export) and return what it read; undefined: read the pages.
   */
  list(path: string, query: Query, instead?: (size: ListSize) => Promise<Resource[] | undefined>): Promise<Resource[]>;
  create(type: string, attributes: Record<string, Json>): Promise<Resource>;
  update(type: string, id: string, changes: Pick<Resource, 'attributes' | 'relationships'>, query?: Query): Promise<Resource>;
  remove(type: string, id: string): Promise<void>;
  /** Starts an import of `customers` rows; resolves to its id and first status. */
  createImport(rows: Record<string, Json>[]): Promise<{ id: string; status: ImportStatus }>;
  importStatus(id: string): Promise<ImportStatus>;
  /** Starts an export of the `customers` the Ransack `filters` select, with `fields` only. */
  createExport(filters: Record<string, Json>, fields: string[]): Promise<{ id: string; status: ExportStatus }>;
  exportStatus(id: string): Promise<ExportStatus>;
}

const write = { 'Content-Type': MEDIA_TYPE };

export function createClApi(http: HttpClient, provider: string, maxPages: number, baseUrl: string): ClApi {
  const page = async (path: string, query: Query, number: number) => {
    const doc = await http.request(path, { shape: listDocument, query: { ...query, 'page[size]': PAGE_SIZE, 'page[number]': number } });
    const pageCount = Math.max(1, doc.meta.page_count);
    return { items: doc.data, pageCount, records: doc.meta.record_count ?? pageCount * PAGE_SIZE };
  };

  return {
    baseUrl,
    async list(path, query, instead) {
      let first: Awaited<ReturnType<typeof page>> | undefined;
      if (instead) {
        first = await page(path, query, 1);
        const taken = await instead({ records: first.records, pages: first.pageCount });
        if (taken) return taken;
      }
      const fetchPage = (n: number) => (n === 1 && first ? Promise.resolve(first) : page(path, query, n));
      return readPages(fetchPage, { provider, path: http.pathOf(path), id: (r) => r.id, maxPages });
    },
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
    async createImport(rows) {
      const body = { data: { type: 'imports', attributes: { resource_type: 'customers', inputs: rows } } };
      // Sending an import twice sets the same groups twice: harmless, so a lost answer may be retried.
      const doc = await http.request('/api/imports', { shape: importDocument, method: 'POST', headers: write, body, query: IMPORT_QUERY, idempotent: true });
      return { id: doc.data.id, status: doc.data.attributes };
    },
    async createExport(filters, fields) {
      const body = { data: { type: 'exports', attributes: { resource_type: 'customers', format: 'json', filters, fields } } };
      // A second export of the same records changes nothing: a lost answer may be retried.
      const doc = await http.request('/api/exports', { shape: exportDocument, method: 'POST', headers: write, body, query: EXPORT_QUERY, idempotent: true });
      return { id: doc.data.id, status: doc.data.attributes };
    },
    async exportStatus(id) {
      return (await http.request(`/api/exports/${encodeURIComponent(id)}`, { shape: exportDocument, query: EXPORT_QUERY })).data.attributes;
    },
    async importStatus(id) {
      return (await http.request(`/api/imports/${encodeURIComponent(id)}`, { shape: importDocument, query: IMPORT_QUERY })).data.attributes;
    },
  };
}
