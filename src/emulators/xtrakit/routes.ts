// Routing and authentication: a request is matched to its endpoint first (an unknown path is 404 even
// without a key, as in Laravel, where routing precedes the auth middleware), then its bearer key checked.
import type { XtrakitStore } from './store.js';
import type { Input } from './input.js';
import { fail, unauthorized, type XtrakitResponse } from './envelope.js';
import { addGroup, deleteGroup, editGroup, fetchGroup, listGroups } from './groups.js';
import { editCustomer, fetchCustomer, listCustomers } from './customers.js';

export interface XtrakitRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  input: Input;
}

type Handler = (store: XtrakitStore, request: XtrakitRequest, id: number) => XtrakitResponse;

const routes: { pattern: RegExp; methods: Record<string, Handler> }[] = [
  { pattern: /^\/api\/v1\/customer-groups$/, methods: { GET: (s) => listGroups(s) } },
  { pattern: /^\/api\/v1\/customer-groups\/add$/, methods: { POST: (s, r) => addGroup(s, r.input) } },
  {
    pattern: /^\/api\/v1\/customer-groups\/(\d+)$/,
    methods: {
      GET: (s, _r, id) => fetchGroup(s, id),
      PUT: (s, r, id) => editGroup(s, id, r.input),
      DELETE: (s, _r, id) => deleteGroup(s, id),
    },
  },
  { pattern: /^\/api\/v1\/customers$/, methods: { GET: (s, r) => listCustomers(s, r.query) } },
  {
    pattern: /^\/api\/v1\/customers\/(\d+)$/,
    methods: { GET: (s, _r, id) => fetchCustomer(s, id), PUT: (s, r, id) => editCustomer(s, id, r.input) },
  },
];

export function route(store: XtrakitStore, request: XtrakitRequest, apiKeys: readonly string[]): XtrakitResponse {
  const path = request.path.replace(/\/+$/, '');
  for (const { pattern, methods } of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    const handler = methods[request.method.toUpperCase()];
    if (!handler) return fail(405, 'Method Not Allowed');
    const denied = authenticate(request.authorization, apiKeys);
    return denied ?? handler(store, request, Number(match[1]));
  }
  return fail(404, 'Not Found');
}

function authenticate(authorization: string | undefined, apiKeys: readonly string[]): XtrakitResponse | undefined {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!key) return unauthorized('Unauthorized: Missing Bearer Token');
  return apiKeys.includes(key) ? undefined : unauthorized('Unauthorized: Invalid API Key');
}
