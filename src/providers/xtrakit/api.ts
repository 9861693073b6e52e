// The Xtrakit calls groupform makes, over the shared HTTP client. Answers are unwrapped from the
// `{status, message, data}` envelope here, so the adapter deals in records only.
import { readPages, type HttpClient, type Shape } from '../../http/index.js';
import type { Json } from '../../model.js';
import { parsePage, record, type Row } from './pages.js';
import { customerRecord, customersList, deleted, groupRecord, groupsList } from './shapes.js';

/** Asked for on every list; a server that pages by a smaller size, or not at all, is handled by `readPages`. */
export const PAGE_SIZE = 100;

export class XtrakitApi {
  readonly #http: HttpClient;
  readonly #provider: string;
  readonly #maxPages: number;

  constructor(http: HttpClient, provider: string, maxPages: number) {
    this.#http = http;
    this.#provider = provider;
    this.#maxPages = maxPages;
  }

  listGroups(): Promise<Row[]> {
    return this.#list('/customer-groups', 'groups', groupsList);
  }

  getGroup(id: string): Promise<Row> {
    return this.#one(`/customer-groups/${encodeURIComponent(id)}`, 'group', groupRecord, {});
  }

  createGroup(body: Record<string, Json>): Promise<Row> {
    return this.#one('/customer-groups/add', 'group', groupRecord, { method: 'POST', body });
  }

  updateGroup(id: string, body: Record<string, Json>): Promise<Row> {
    return this.#one(`/customer-groups/${encodeURIComponent(id)}`, 'group', groupRecord, { method: 'PUT', body });
  }

  async deleteGroup(id: string): Promise<void> {
    await this.#http.request(`/customer-groups/${encodeURIComponent(id)}`, { shape: deleted, method: 'DELETE' });
  }

  listCustomers(): Promise<Row[]> {
    return this.#list('/customers', 'customers', customersList);
  }

  getCustomer(id: string): Promise<Row> {
    return this.#one(`/customers/${encodeURIComponent(id)}`, 'customer', customerRecord, {});
  }

  updateCustomer(id: string, body: Record<string, Json>): Promise<Row> {
    return this.#one(`/customers/${encodeURIComponent(id)}`, 'customer', customerRecord, { method: 'PUT', body });
  }

  #list(path: string, key: string, shape: Shape<unknown>): Promise<Row[]> {
    return readPages(async (page) => parsePage(await this.#http.request(path, { shape, query: { page, per_page: PAGE_SIZE } }), key), {
      provider: this.#provider,
      path: this.#http.pathOf(path),
      id: (row) => String(row.id),
      maxPages: this.#maxPages,
    });
  }

  /** The record under `data.<key>` (or `data` itself when it is the record). */
  async #one(path: string, key: string, shape: Shape<unknown>, options: { method?: 'POST' | 'PUT'; body?: unknown }): Promise<Row> {
    const data = record(record(await this.#http.request(path, { shape, ...options }))?.data)!;
    return record(data[key]) ?? data;
  }
}
