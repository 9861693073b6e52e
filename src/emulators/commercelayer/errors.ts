// Commerce Layer's error documents: `{"errors":[{title, detail, code, status, source?, meta?}]}` with
// `status` as a string (shared/providers §1.7). The API is built on jsonapi-resources, whose titles and
// codes (KEY_NOT_INCLUDED_IN_URL, RECORD_NOT_FOUND…) CL's documented examples repeat verbatim; where CL
// documents nothing, the jsonapi-resources wording is used.
import type { EmulatorResponse } from '../common/types.js';

export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json';

export interface ErrorObject {
  title: string;
  detail: string;
  code: string;
  status: string;
  source?: { pointer: string };
  meta?: Record<string, unknown>;
}

/** Thrown inside the emulator's handlers and turned into a response by the pipeline. */
export class JsonApiError extends Error {
  readonly status: number;
  readonly errors: ErrorObject[];
  constructor(status: number, errors: Omit<ErrorObject, 'status'>[]) {
    super(errors.map((e) => e.detail).join('; '));
    this.status = status;
    this.errors = errors.map((e) => ({ ...e, status: String(status) }));
  }
}

export function errorResponse(error: JsonApiError): EmulatorResponse {
  return { status: error.status, body: { errors: error.errors }, contentType: JSONAPI_MEDIA_TYPE };
}

const badRequest = (code: string, title: string, detail: string) => new JsonApiError(400, [{ title, detail, code }]);

export const fail = {
  recordNotFound: () =>
    new JsonApiError(404, [
      {
        title: 'Record not found',
        detail: 'The requested resource was not found. Please double-check the resource id.',
        code: 'RECORD_NOT_FOUND',
      },
    ]),
  // Not documented: an unrouted path answers like a missing record, with a routing-specific code.
  routeNotFound: (path: string) => new JsonApiError(404, [{ title: 'Not found', detail: `No route matches ${path}.`, code: 'NOT_FOUND' }]),
  methodNotAllowed: (method: string) =>
    new JsonApiError(405, [{ title: 'Method not allowed', detail: `${method} is not supported on this endpoint.`, code: 'METHOD_NOT_ALLOWED' }]),
  missingToken: () =>
    new JsonApiError(401, [{ title: 'Unauthorized', detail: 'An access token is required: send Authorization: Bearer <token>.', code: 'UNAUTHORIZED' }]),
  invalidToken: () => new JsonApiError(401, [{ title: 'Invalid token', detail: 'The access token you provided is invalid.', code: 'INVALID_TOKEN' }]),
  notAcceptable: (accept: string) =>
    new JsonApiError(406, [
      {
        title: 'Not acceptable',
        detail: `All requests must use the '${JSONAPI_MEDIA_TYPE}' Accept header. This request specified '${accept}'.`,
        code: 'NOT_ACCEPTABLE',
      },
    ]),
  unsupportedMediaType: (contentType: string) =>
    new JsonApiError(415, [
      {
        title: 'Unsupported media type',
        detail: `All requests that create or update must use the '${JSONAPI_MEDIA_TYPE}' Content-Type. This request specified '${contentType}'.`,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
    ]),
  tooManyRequests: (limit: number, intervalSeconds: number) =>
    new JsonApiError(429, [
      {
        title: 'Too many requests',
        detail: `You have exceeded the rate limit of ${limit} requests per ${intervalSeconds} seconds. Please retry later.`,
        code: 'TOO_MANY_REQUESTS',
      },
    ]),
  internal: () => new JsonApiError(500, [{ title: 'Internal server error', detail: 'Something went wrong on our end.', code: 'INTERNAL_SERVER_ERROR' }]),
  // Rails answers a body that is not JSON with a bare 400; CL's code for it is not documented.
  malformedBody: () => badRequest('BAD_REQUEST', 'Bad request', 'The request body is not valid JSON.'),
  paramMissing: (param: string) => badRequest('PARAM_MISSING', 'Missing Parameter', `The required parameter, ${param}, is missing.`),
  invalidDataFormat: () => badRequest('INVALID_DATA_FORMAT', 'Bad Request', 'Data must be a hash.'),
  invalidResource: (type: string) => badRequest('INVALID_RESOURCE', 'Invalid resource', `${type} is not a valid resource.`),
  typeMismatch: (type: string) => badRequest('TYPE_MISMATCH', 'Type Mismatch', `${type} is not a valid type for this operation.`),
  invalidLinksObject: () => badRequest('INVALID_LINKS_OBJECT', 'Invalid Links Object', 'Data is not a valid Links Object.'),
  missingKey: () => badRequest('KEY_ORDER_MISMATCH', 'A key is required', 'The resource object does not contain a key.'),
  keyNotInUrl: (key: string) => badRequest('KEY_NOT_INCLUDED_IN_URL', 'Key is not included in URL', `The URL does not support the key ${key}`),
  invalidFieldValue: (field: string, value: unknown) =>
    badRequest('INVALID_FIELD_VALUE', 'Invalid field value', `${JSON.stringify(value)} is not a valid value for ${field}.`),
  invalidField: (type: string, field: string) => badRequest('INVALID_FIELD', 'Invalid field', `${field} is not a valid field for ${type}.`),
  invalidInclude: (type: string, relationship: string) =>
    badRequest('INVALID_INCLUDE', 'Invalid field', `${relationship} is not a valid relationship of ${type}`),
  invalidSort: (type: string, criteria: string) =>
    badRequest('INVALID_SORT_CRITERIA', 'Invalid sort criteria', `${criteria} is not a valid sort criteria for ${type}`),
  filterNotAllowed: (filter: string) => badRequest('FILTER_NOT_ALLOWED', 'Filter not allowed', `${filter} is not allowed.`),
  invalidFilterValue: (filter: string, value: string) =>
    badRequest('INVALID_FILTER_VALUE', 'Invalid filter value', `${value} is not a valid value for ${filter}.`),
  invalidPageValue: (detail: string) => badRequest('INVALID_PAGE_VALUE', 'Invalid page value', detail),
  pageParamNotAllowed: (param: string) => badRequest('PARAM_NOT_ALLOWED', 'Page parameter not allowed', `${param} is not an allowed page parameter.`),
};

/** Each disallowed parameter is its own error object, as jsonapi-resources reports them. */
export function paramsNotAllowed(params: string[]): JsonApiError {
  return new JsonApiError(
    400,
    params.map((param) => ({ title: 'Param not allowed', detail: `${param} is not allowed.`, code: 'PARAM_NOT_ALLOWED' })),
  );
}

export interface ValidationIssue {
  /** Attribute or relationship name. */
  field: string;
  message: string;
  /** Rails' error key (`blank`, `taken`, `too_long`, `invalid`). */
  error: string;
  relationship?: boolean;
  meta?: Record<string, unknown>;
}

/** 422 with one error object per issue, each pointing at the offending member of the request document. */
export function validationFailed(issues: ValidationIssue[]): JsonApiError {
  return new JsonApiError(
    422,
    issues.map((issue) => ({
      title: issue.message,
      detail: `${issue.field} - ${issue.message}`,
      code: 'VALIDATION_ERROR',
      source: { pointer: `/data/${issue.relationship ? 'relationships' : 'attributes'}/${issue.field}` },
      meta: { error: issue.error, ...issue.meta },
    })),
  );
}
