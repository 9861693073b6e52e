// The documented answers of the calls this adapter makes, checked by the HTTP client before the adapter
// reads them: v2 customer groups (a bare array, or 204 for an empty list), v3 customers (`data` with
// `meta.pagination`).
import { shape } from '../../http/index.js';

const group = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string' } },
};

/** A v2 list: the platform may answer an empty list with 204 and no body. */
export const groupList = shape<unknown[] | undefined>('a list of customer groups (a JSON array)', { type: 'array', items: group }, { noContent: true });

export const oneGroup = shape<unknown>('a customer group', group);

export const groupCount = shape<{ count: number }>('a customer group count', {
  type: 'object',
  required: ['count'],
  properties: { count: { type: 'integer', minimum: 0 } },
});

/** A group create or update: the group, or on 207 `{status, message}`. */
export const groupWrite = shape<unknown>('a customer group or a partial-success message', { type: 'object' });

export interface CustomerPage {
  data: unknown[];
  meta: { pagination: { total_pages: number } };
}

export const customerPage = shape<CustomerPage>('a page of customers (data, meta.pagination)', {
  type: 'object',
  required: ['data', 'meta'],
  properties: {
    data: {
      type: 'array',
      items: { type: 'object', required: ['id', 'email'], properties: { id: { type: 'integer' }, email: { type: 'string' } } },
    },
    meta: {
      type: 'object',
      required: ['pagination'],
      properties: {
        pagination: { type: 'object', required: ['total_pages'], properties: { total_pages: { type: 'integer', minimum: 0 } } },
      },
    },
  },
});

export const customersUpdated = shape<unknown>('the updated customers (data)', {
  type: 'object',
  required: ['data'],
  properties: { data: { type: 'array' } },
});
