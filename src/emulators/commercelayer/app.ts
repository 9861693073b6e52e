// The request pipeline of the Commerce Layer emulator: route → rate limit → token → media types → handler.
// Every response, routed or not, carries the X-Ratelimit-* headers of the request's class.
import { matchRoute, type Route } from '../common/router.js';
import { isReset, type EmulatorRequest, type EmulatorResponse, type Handler } from '../common/types.js';
import type { TokenAuthority } from './auth.js';
import { FILES_PATH } from './bulk.js';
import { errorResponse, fail, JsonApiError, JSONAPI_MEDIA_TYPE } from './errors.js';
import * as api from './handlers.js';
import type { CommerceLayerLimiter, LimitClass } from './limits.js';

/** The auth server's endpoints: no bearer token, no JSON:API media types. */
type AuthEndpoint = (auth: TokenAuthority, request: EmulatorRequest) => EmulatorResponse;

interface Target {
  limitClass: LimitClass;
  handle: api.ApiHandler | { auth: AuthEndpoint };
}

const route = (method: string, template: string, limitClass: LimitClass, handle: Target['handle']): Route<Target> => ({
  method,
  template,
  target: { limitClass, handle },
});

const ROUTES: readonly Route<Target>[] = [
  route('POST', '/oauth/token', 'auth', { auth: (auth, request) => auth.issue(request) }),
  route('POST', '/oauth/revoke', 'auth', { auth: (auth, request) => auth.revoke(request) }),
  route('GET', '/.well-known/jwks.json', 'auth', { auth: (auth) => auth.keys() }),
  route('GET', '/api/customer_groups', 'uncacheable', api.listGroups),
  route('POST', '/api/customer_groups', 'writes', api.createGroup),
  route('GET', '/api/customer_groups/:id', 'uncacheable', api.showGroup),
  route('PATCH', '/api/customer_groups/:id', 'writes', api.updateGroup),
  route('DELETE', '/api/customer_groups/:id', 'writes', api.deleteGroup),
  route('GET', '/api/customer_groups/:id/customers', 'uncacheable', api.groupCustomers),
  route('GET', '/api/customer_groups/:id/relationships/customers', 'uncacheable', api.groupCustomersLinkage),
  // CL can also create and delete customers; groupform never does, so the emulator does not model it (405).
  route('GET', '/api/customers', 'uncacheable', api.listCustomers),
  route('GET', '/api/customers/:id', 'uncacheable', api.showCustomer),
  route('PATCH', '/api/customers/:id', 'writes', api.updateCustomer),
  route('GET', '/api/customers/:id/customer_group', 'uncacheable', api.customerGroup),
  route('GET', '/api/customers/:id/relationships/customer_group', 'uncacheable', api.customerGroupLinkage),
  // Imports and exports: polled like any uncacheable read (a third-party list calls imports cacheable; the
  // stricter class is kept). Interrupting (PATCH) and deleting them are not modelled (405).
  route('GET', '/api/imports', 'uncacheable', api.listImports),
  route('POST', '/api/imports', 'writes', api.createImport),
  route('GET', '/api/imports/:id', 'uncacheable', api.showImport),
  route('GET', '/api/exports', 'uncacheable', api.listExports),
  route('POST', '/api/exports', 'writes', api.createExport),
  route('GET', '/api/exports/:id', 'uncacheable', api.showExport),
];

export interface AppDeps {
  context: api.ApiContext;
  auth: TokenAuthority;
  /** Undefined when rate limits are switched off. */
  limiter?: CommerceLayerLimiter;
}

export function createCommerceLayerHandler(deps: AppDeps): Handler {
  return (request) => {
    deps.context.bulk.advance();
    // An attachment link stands for a presigned file on external storage: no token, no API rate limit.
    if (request.path.startsWith(FILES_PATH)) {
      if (request.method !== 'GET') return { status: 405, headers: { Allow: 'GET' } };
      const { status, body } = deps.context.bulk.file(request.path, request.query);
      return { status, body, contentType: status === 200 ? 'application/gzip' : 'application/xml' };
    }
    const match = matchRoute(ROUTES, request.method, request.path);
    // 404s and 405s carry the headers like every other answer (https://docs.commercelayer.io/core/rate-limits),
    // and count, as a limiter in front of the router would count them. Unrouted requests take the class of their
    // method and share one endpoint per method, so stray paths cannot each open a burst window of their own.
    const limit: [LimitClass, string] =
      match.kind === 'found'
        ? [match.route.target.limitClass, `${match.route.method} ${match.route.template}`]
        : [request.method === 'GET' ? 'uncacheable' : 'writes', `${request.method} (unrouted)`];
    const verdict = deps.limiter?.take(limit[0], limit[1], request.ip);
    let response: EmulatorResponse;
    try {
      if (verdict?.error) throw verdict.error;
      if (match.kind === 'not-found') throw fail.routeNotFound(request.path);
      if (match.kind === 'method-not-allowed') {
        response = { ...errorResponse(fail.methodNotAllowed(request.method)), headers: { Allow: match.allow.join(', ') } };
      } else {
        const { handle } = match.route.target;
        if (typeof handle !== 'function') response = handle.auth(deps.auth, request);
        else {
          deps.auth.check(request);
          checkMediaTypes(request);
          response = handle(request, match.params, deps.context);
        }
      }
    } catch (error) {
      if (!(error instanceof JsonApiError)) throw error;
      response = errorResponse(error);
    }
    if (isReset(response) || !verdict) return response;
    return { ...response, headers: { ...response.headers, ...verdict.headers } };
  };
}

/**
 * 406 unless Accept names application/vnd.api+json, 415 unless a write's Content-Type is it (shared/providers
 * §1.2). CL documents both as required, so a missing Accept or a wildcard one is refused here too: stricter than
 * jsonapi-resources' default, and what a client passing here will also pass on the platform.
 */
function checkMediaTypes(request: EmulatorRequest): void {
  const accept = request.headers.accept ?? '';
  const acceptable = accept.split(',').some((entry) => {
    const [type, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    return type === JSONAPI_MEDIA_TYPE && params.every((param) => param.startsWith('q='));
  });
  if (!acceptable) throw fail.notAcceptable(accept);
  if (request.method === 'POST' || request.method === 'PATCH') {
    const contentType = request.headers['content-type'] ?? '';
    if (contentType.split(';')[0]!.trim().toLowerCase() !== JSONAPI_MEDIA_TYPE) throw fail.unsupportedMediaType(contentType);
  }
}
