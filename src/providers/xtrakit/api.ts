// The Xtrakit calls groupform makes, over the shared HTTP client. Answers are unwrapped from the
// `{status, message, data}` envelope here, so the adapter deals in records only.
import type { HttpClient } from '../../http/index.js';
import type { Json } from '../../model.js';
import { GroupformError } from '../../errors.js';
import { parsePage, readAll, record, type Row } from './pages.js';

/** Asked for on every list; a server that pages by a smaller size, or not at all, is handled by `readAll`. */
const PAGE_SIZE = 100;

export class XtrakitApi {
  readonly #http: HttpClient;
  readonly #provider: string;

  constructor(http: HttpClient, provider: string) {
    this.#http = http;
    this.#provider = provider;
  }

  listGroups(): Promise<Row[]> {
    return this.#list('/customer-groups', 'groups');
  }

  getGroup(id: string): Promise<Row> {
    return this.#one(`/customer-groups/${encodeURIComponent(id)}`, 'group', {});
  }

  createGroup(body: Record<string, Json>): Promise<Row> {
    return this.#one('/customer-groups/add', 'group', { method: 'POST', body });
  }

  updateGroup(id: string, body: Record<string, Json>): Promise<Row> {
    return this.#one(`/customer-groups/${encodeURIComponent(id)}`, 'group', { method: 'PUT', body });
  }

  async deleteGroup(id: string): Promise<void> {
    await this.#http.request(`/customer-groups/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  listCustomers(): Promise<Row[]> {
    return this.#list('/customers', 'customers');
  }

  getCustomer(id: string): Promise<Row> {
    return this.#one(`/customers/${encodeURIComponent(id)}`, 'customer', {});
  }

  updateCustomer(id: string, body: Record<string, Json>): Promise<Row> {
    return this.#one(`/customers/${encodeURIComponent(id)}`, 'customer', { method: 'PUT', body });
  }

  #list(path: string, key: string): Promise<Row[]> {
    return readAll(async (page) =>
      parsePage(await this.#http.request(path, { query: { page, per_page: PAGE_SIZE } }), key),
    );
  }

  /** The record under `data.<key>` (or `data` itself when it is the record). */
  async #one(path: string, key: string, options: { method?: 'POST' | 'PUT'; body?: unknown }): Promise<Row> {
    const body = await this.#http.request<unknown>(path, options);
    const data = record(record(body)?.data);
    const row = record(data?.[key]) ?? (data && 'id' in data ? data : undefined);
    if (row && row.id !== undefined && row.id !== null) return row;
    throw new GroupformError(
      'api-unexpected',
      `${this.#provider}: ${options.method ?? 'GET'} ${path} answered without the ${key} record`,
    );
  }
}
