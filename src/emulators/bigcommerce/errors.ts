// BigCommerce's error bodies. v2 answers with the observed array `[{status, message[, details]}]` (a real 413
// body quoted in bigcommerce-api-python issue #59; the official PHP client reads `$message[0]->message`), not
// the `{errors:[{status,title,type}]}` that customers.v2.yml declares; `v2ErrorShape: 'spec'` switches to the
// declared one so clients can be tested against both. v3 answers `{status, title, type, errors:{field: msg}}`.

export type V2ErrorShape = 'observed' | 'spec';

const STATUS_DOC_URL = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/** A failed call, before it is shaped for v2 or v3. `fields` are v3's per-field messages. */
export interface EmulatorError {
  status: number;
  message: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
}

export function v2ErrorBody(error: EmulatorError, shape: V2ErrorShape): unknown {
  if (shape === 'spec') {
    return { errors: [{ status: error.status, title: error.message, type: STATUS_DOC_URL }] };
  }
  return [{ status: error.status, message: error.message, ...(error.details ? { details: error.details } : {}) }];
}

export function v3ErrorBody(error: EmulatorError): unknown {
  return { status: error.status, title: error.message, type: STATUS_DOC_URL, errors: error.fields ?? {} };
}

/** Thrown by handlers to answer with an error; the router shapes it for the API version. */
export class EmulatorHttpError extends Error {
  readonly error: EmulatorError;
  constructor(error: EmulatorError) {
    super(error.message);
    this.error = error;
  }
}

export function fail(status: number, message: string, extra?: { fields?: Record<string, string>; details?: Record<string, unknown> }): never {
  throw new EmulatorHttpError({ status, message, ...extra });
}
