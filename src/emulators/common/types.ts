// The vocabulary every platform emulator shares: a request as a handler sees it, the response it returns,
// and the record of a handled request that tests read.
import type { IncomingHttpHeaders } from 'node:http';

/** Milliseconds since the epoch. Injected so that tests can move time (token expiry, rate windows) without waiting. */
export type Clock = () => number;

/** A JSON value, as state files and request bodies hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface EmulatorRequest {
  method: string;
  /** The path without the query string, as sent (segments are not decoded: ids are plain ASCII). */
  path: string;
  /** The query, already percent-decoded (so `filter%5Bq%5D` arrives as `filter[q]`). */
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The peer's address: the platforms rate-limit per client IP. */
  ip: string;
  /** This server's own origin (`http://127.0.0.1:PORT`), for links in response bodies. */
  origin: string;
}

/** A reply: a status with an optional body (serialised as JSON unless it is a string), or a reset connection. */
export type EmulatorResponse = { status: number; headers?: Record<string, string>; body?: unknown; contentType?: string } | { reset: true };

export type Handler = (request: EmulatorRequest) => Promise<EmulatorResponse> | EmulatorResponse;

/** One request a platform endpoint received, for tests to assert on. `/_emulator/*` calls are not recorded. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The decoded query; a repeated key keeps its last value. */
  query: Record<string, string>;
  /** HTTP status sent; 0 when the connection was reset instead. */
  status: number;
  /** The parsed JSON body of a write, if it had one that parsed. */
  body?: unknown;
}

export function isReset(response: EmulatorResponse): response is { reset: true } {
  return 'reset' in response;
}
