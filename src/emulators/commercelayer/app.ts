// The request pipeline of the Commerce Layer emulator: route → rate limit → token → media types → handler.
// Every routed response carries the X-Ratelimit-* headers of the request's class.
import { matchRoute, type Route } from '../common/router.js';
import { isReset, type EmulatorRequest, type EmulatorResponse, type Handler } from '../common/types.js';
import type { TokenAuthority } from './auth.js';
import { FILES_PATH } from './bulk.js';
import { errorResponse, fail, JsonApiError, JSONAPI_MEDIA_TYPE } from './errors.js';
import * as api from './handlers.js';
import type { CommerceLayerLimiter, LimitClass } from './limits.js';

interface Target {
  limitClass: LimitClass;
  /** Undefined for the token endpoint, which has its own handling. */
  handle?: api.ApiHandler;
}

const route = (method: string, template: string, limitClass: LimitClass, handle?: api.ApiHandler): Route<Target> => ({
  method,
  template,
  target: { limitClass, handle },
});

const ROUTES: readonly Route<Target>[] = [
  route('POST', '/oauth/token', 'auth'),
  route('GET', '/api/customer_groups', 'uncacheable', api.listGroups),
  route('POST', '/api/customer_groups', 'writes', api.createGroup),
  route('GET', '/api/customer_groups/:id', 'uncacheable', api.showGroup),
  route('PATCH', '/api/customer_groups/:id', 'writes', api.updateGroup),
  route('DELETE', '/api/customer_groups/:id', 'writes', api.deleteGroup),
  route('GET', '/api/customer_groups/:id/customers', 'uncacheable', api.groupCustomers),
  // CL can also create and delete customers; groupform never does, so the emulator does not model it (405).
  route('GET', '/api/customers', 'uncacheable', api.listCustomers),
  route('GET', '/api/customers/:id', 'uncacheable', api.showCustomer),
  route('PATCH', '/api/customers/:id', 'writes', api.updateCustomer),
  route('GET', '/api/customers/:id/customer_group', 'uncacheable', api.customerGroup),
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
    if (match.kind === 'not-found') return errorResponse(fail.routeNotFound(request.path));
    if (match.kind === 'method-not-allowed') {
      const response = errorResponse(fail.methodNotAllowed(request.method));
      return { ...response, headers: { Allow: match.allow.join(', ') } };
    }
    const { route: found, params } = match;
    const verdict = deps.limiter?.take(found.target.limitClass, `${found.method} ${found.template}`, request.ip);
    let response: EmulatorResponse;
    try {
      if (verdict?.error) throw verdict.error;
      if (!found.target.handle) response = deps.auth.issue(request);
      else {
        deps.auth.check(request);
        checkMediaTypes(request);
        response = found.target.handle(request, params, deps.context);
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
