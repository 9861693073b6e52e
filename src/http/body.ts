// Reading an answer's body with a bound on its size. fetch hands over the body already decompressed, so the
// bytes counted here are the decompressed ones: a gzip bomb stops at the limit like any other large answer,
// and nothing past the limit is ever held in memory.

/** The default bound on one answer's (decompressed) body: far above any page the platforms serve. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** An answer whose body exceeded the limit; the client turns it into an ApiError naming the call. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the answer is larger than ${formatBytes(limit)}, the most groupform reads from one call (max_response_mb)`);
  }
}

/**
 * The body as text, or throws BodyTooLarge as soon as more than `limit` bytes arrived (or the
 * Content-Length header announces more), cancelling the rest of the transfer.
 */
export async function readBounded(response: Response, limit: number): Promise<string> {
  return (await readBoundedBytes(response, limit)).toString('utf8');
}

/** The body as bytes, bounded as readBounded's. */
export async function readBoundedBytes(response: Response, limit: number): Promise<Buffer> {
  const body = response.body;
  if (!body) return Buffer.alloc(0);
  const announced = Number(response.headers.get('content-length'));
  // Content-Length counts the encoded bytes; decoded ones can only be as many or more.
  if (Number.isFinite(announced) && announced > limit) {
    await body.cancel().catch(() => undefined);
    throw new BodyTooLarge(limit);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** JSON when the text is JSON, undefined when there is no body, else the text itself (an HTML page, …). */
export function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}
