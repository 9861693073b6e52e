// Turning a failed call into the platform's own words. Each adapter supplies an `ErrorDetail` that knows its
// platform's error body; `fallbackDetail` covers bodies it does not recognise and calls that got no answer.

/** The platform's message from an error response body (parsed JSON, or text), or undefined if it has none. */
export type ErrorDetail = (status: number, body: unknown) => string | undefined;

const MAX_TEXT = 500;

/** A plain-text body on one line, else the JSON body, else the status text. The client shortens it (`shorten`). */
export function fallbackDetail(status: number, statusText: string, body: unknown): string {
  if (typeof body === 'string' && body.trim()) return body.trim().replace(/\s+/g, ' ');
  if (body !== undefined && body !== null && typeof body === 'object') return JSON.stringify(body);
  return statusText || `HTTP ${status}`;
}

/** At most MAX_TEXT characters of a server's words, so that a hostile answer cannot flood an error message. */
export function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) {
    chain.push(e);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) chain.push(...inner);
  }
  return chain;
}

/** Whether the connection was refused, which proves the request never reached the platform. */
export function isConnectionRefused(error: unknown): boolean {
  return causes(error).some((e) => (e as { code?: unknown })?.code === 'ECONNREFUSED');
}

function isTimeout(error: unknown): boolean {
  return causes(error).some((e) => (e as { name?: unknown })?.name === 'TimeoutError');
}

/** A short description of a call that got no response. */
export function networkDetail(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `no response within ${timeoutMs / 1000} s`;
  const chain = causes(error);
  const system = chain.find((e) => typeof (e as { code?: unknown })?.code === 'string') as Error | undefined;
  const last = (system ?? chain.at(-1)) as Error | undefined;
  return last?.message || String(error);
}
