// The answers this adapter accepts, checked by the HTTP client before the adapter reads them. Xtrakit
// documents only the `{status, message, data}` envelope and `data.<key>` for each call, so each alternative a
// Laravel app plausibly sends is allowed (see pages.ts), and nothing else: an HTML page, an empty body or a
// `data` without the list is an error, never an empty list.
import { shape } from '../../http/index.js';

const id = { anyOf: [{ type: 'integer' }, { type: 'string', minLength: 1 }] };
const row = { type: 'object', required: ['id'], properties: { id } };
/** Laravel's paginator numbers, wherever they come. */
const numbers = {
  type: 'object',
  properties: { last_page: { type: 'integer', minimum: 1 }, total: { type: 'integer', minimum: 0 }, per_page: { type: 'integer', minimum: 1 } },
};

/** `{data: {<key>: rows}}`: rows as an array, as an object keyed by id, or as a paginator. */
function listAnswer(key: string) {
  const rows = {
    anyOf: [
      { type: 'array', items: row },
      { allOf: [numbers, { type: 'object', required: ['data'], properties: { data: { type: 'array', items: row } } }] },
      { type: 'object', additionalProperties: row },
    ],
  };
  return shape<unknown>(`{data: {${key}: [...]}}`, {
    type: 'object',
    required: ['data'],
    properties: {
      data: { type: 'object', required: [key], properties: { [key]: rows, pagination: numbers, meta: numbers } },
      meta: numbers,
    },
  });
}

/** `{data: {<key>: record}}`, or the record as `data` itself. */
function recordAnswer(key: string) {
  return shape<unknown>(`{data: {${key}: {id, …}}}`, {
    type: 'object',
    required: ['data'],
    properties: { data: { anyOf: [{ type: 'object', required: [key], properties: { [key]: row } }, row] } },
  });
}

export const groupsList = listAnswer('groups');
export const customersList = listAnswer('customers');
export const groupRecord = recordAnswer('group');
export const customerRecord = recordAnswer('customer');

/** A delete: the envelope, or 204. */
export const deleted = shape<unknown>('{status, message, data}', { type: 'object' }, { noContent: true });
