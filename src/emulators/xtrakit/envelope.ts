// Xtrakit answers everything in one envelope, `{status, message, data}`, with `status` repeating the HTTP code.
import { summary, type FieldErrors } from './validate.js';

export interface XtrakitResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function ok(message: string, data: Record<string, unknown> = {}): XtrakitResponse {
  return { status: 200, body: { status: 200, message, data } };
}

export function fail(status: number, message: string, data: Record<string, unknown> = {}): XtrakitResponse {
  return { status, body: { status, message, data } };
}

/** 422 with Laravel's summary line as the message and every field's messages under `data.errors`. */
export function invalid(errors: FieldErrors): XtrakitResponse {
  return fail(422, summary(errors), { errors });
}

/** The documented 401 bodies are the one exception to the envelope: `{status, error}`, no message or data. */
export function unauthorized(error: string): XtrakitResponse {
  return { status: 401, body: { status: 401, error } };
}
