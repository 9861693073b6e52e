// The documented answers of the calls this adapter makes (JSON:API documents, and the OAuth token answer),
// checked by the HTTP client before the adapter reads them.
import { shape } from '../../http/index.js';
import type { Document, ExportDocument, ExportRecord, ImportDocument, ListDocument } from './api.js';

const resource = {
  type: 'object',
  required: ['id', 'type'],
  properties: {
    id: { type: 'string', minLength: 1 },
    type: { type: 'string' },
    attributes: { type: 'object' },
    relationships: { type: 'object', additionalProperties: { type: 'object' } },
  },
};

export const listDocument = shape<ListDocument>('a JSON:API list document (data: an array, meta.page_count)', {
  type: 'object',
  required: ['data', 'meta'],
  properties: {
    data: { type: 'array', items: resource },
    meta: {
      type: 'object',
      required: ['page_count'],
      properties: { page_count: { type: 'integer', minimum: 0 }, record_count: { type: 'integer', minimum: 0 } },
    },
  },
});

export const resourceDocument = shape<Document>('a JSON:API document holding one resource', {
  type: 'object',
  required: ['data'],
  properties: { data: resource },
});

const count = { type: 'integer', minimum: 0 };

/** A JSON:API document holding one asynchronous job of `type`, with the attributes groupform reads. */
function jobDocument(type: 'imports' | 'exports', required: string[], properties: Record<string, object>): object {
  return {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        required: ['id', 'type', 'attributes'],
        properties: { id: { type: 'string', minLength: 1 }, type: { const: type }, attributes: { type: 'object', required, properties } },
      },
    },
  };
}

/** An import as groupform reads it (sparse fieldset IMPORT_QUERY): its status and counts, the log of failed rows. */
export const importDocument = shape<ImportDocument>(
  'a JSON:API document holding one import (status, counts, errors_log)',
  jobDocument('imports', ['status', 'processed_count', 'errors_count'], {
    status: { enum: ['pending', 'in_progress', 'completed', 'interrupted'] },
    processed_count: count,
    errors_count: count,
    // Failed rows by key, each with its messages by field (`{"ABC": {"name": ["has already been taken"]}}`);
    // an entry is only ever quoted (bounded), so its inner form is not pinned down.
    errors_log: { type: ['object', 'null'] },
  }),
);

/** An export as groupform reads it (sparse fieldset EXPORT_QUERY): its status, size and result link. */
export const exportDocument = shape<ExportDocument>(
  'a JSON:API document holding one export (status, records_count, attachment_url)',
  jobDocument('exports', ['status', 'records_count'], {
    status: { enum: ['pending', 'in_progress', 'completed', 'interrupted', 'failed'] },
    records_count: count,
    attachment_url: { type: ['string', 'null'] },
  }),
);

/** An export's result file of customers, with the fields groupform asks for; at most as many as Commerce Layer exports. */
export const exportRecords = shape<ExportRecord[]>('a JSON list of customers (id, email, customer_group_id)', {
  type: 'array',
  maxItems: 10_000,
  items: {
    type: 'object',
    required: ['id', 'email', 'customer_group_id'],
    properties: {
      id: { type: 'string', minLength: 1 },
      email: { type: 'string' },
      customer_group_id: { type: ['string', 'null'] },
      updated_at: { type: ['string', 'null'] },
    },
  },
});

export interface TokenAnswer {
  access_token: string;
  expires_in: number;
}

export const tokenAnswer = shape<TokenAnswer>('an access token answer (access_token, expires_in)', {
  type: 'object',
  required: ['access_token', 'expires_in'],
  properties: { access_token: { type: 'string', minLength: 1 }, expires_in: { type: 'number', exclusiveMinimum: 0 } },
});
