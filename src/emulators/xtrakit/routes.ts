// The endpoints and the bearer-key check. Routing comes first, so an unknown path is 404 even without a key
// (in Laravel, the platform's framework, the router runs before the auth middleware).
import { matchRoute, type Route } from '../common/router.js';
import type { XtrakitStore } from './store.js';
import type { Input } from './input.js';
import { fail, unauthorized, type XtrakitResponse } from './envelope.js';
import { addGroup, deleteGroup, editGroup, fetchGroup, listGroups } from './groups.js';
import { editCustomer, fetchCustomer, listCustomers } from './customers.js';

interface XtrakitCall {
  query: URLSearchParams;
  input: Input;
  /** The `:id` of the path, as an integer. */
  id: number;
}

export type Endpoint = (store: XtrakitStore, call: XtrakitCall) => XtrakitResponse;

const GROUPS = '/api/v1/customer-groups';
const CUSTOMERS = '/api/v1/customers';

// `/add` before `/:id`, so that the literal wins.
const routes: Route<Endpoint>[] = [
  { method: 'GET', template: GROUPS, target: (s) => listGroups(s) },
  { method: 'POST', template: `${GROUPS}/add`, target: (s, c) => addGroup(s, c.input) },
  { method: 'GET', template: `${GROUPS}/:id`, target: (s, c) => fetchGroup(s, c.id) },
  { method: 'PUT', template: `${GROUPS}/:id`, target: (s, c) => editGroup(s, c.id, c.input) },
  { method: 'DELETE', template: `${GROUPS}/:id`, target: (s, c) => deleteGroup(s, c.id) },
  { method: 'GET', template: CUSTOMERS, target: (s, c) => listCustomers(s, c.query) },
  { method: 'GET', template: `${CUSTOMERS}/:id`, target: (s, c) => fetchCustomer(s, c.id) },
  { method: 'PUT', template: `${CUSTOMERS}/:id`, target: (s, c) => editCustomer(s, c.id, c.input) },
];

/** The endpoint and its integer id, or the 404/405 answer. Ids are integers: anything else names nothing. */
export function resolve(method: string, path: string): { endpoint: Endpoint; id: number } | XtrakitResponse {
  const match = matchRoute(routes, method.toUpperCase(), path);
  if (match.kind === 'method-not-allowed') {
    return { ...fail(405, 'Method Not Allowed'), headers: { Allow: match.allow.join(', ') } };
  }
  if (match.kind === 'not-found') return fail(404, 'Not Found');
  const raw = match.params.id;
  if (raw !== undefined && !/^\d+$/.test(raw)) return fail(404, 'Not Found');
  return { endpoint: match.route.target, id: Number(raw) };
}

/** The key the request carries, or the documented 401 for a missing or unknown one. */
export function authenticate(authorization: string | undefined, apiKeys: readonly string[]): string | XtrakitResponse {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!key) return unauthorized('Unauthorized: Missing Bearer Token');
  return apiKeys.includes(key) ? key : unauthorized('Unauthorized: Invalid API Key');
}
