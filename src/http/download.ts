// Fetching a gzipped file a platform points at (Commerce Layer's export results on external storage). The
// link is presigned and its host is not the platform's, so no credential goes with it; no redirect is
// followed; the bytes are bounded as sent and again once gunzipped, so neither a large file nor a gzip bomb
// is held in memory. The link's query (its signature) is never logged or quoted.
import { gunzipSync } from 'node:zlib';
import { ofetch } from 'ofetch';
import { deadline } from './deadline.js';
import { ApiError } from '../errors.js';
import { BodyTooLarge, formatBytes, readBoundedBytes } from './body.js';
import type { Clock } from './clock.js';
import type { HttpLog } from './log.js';

export interface DownloadOptions {
  provider: string;
  /** Most bytes read, compressed and uncompressed alike. */
  maxBytes: number;
  clock: Clock;
  timeoutMs?: number;
  log?: HttpLog;
}

/** The file's gunzipped bytes; throws ApiError naming the link (without its query) on any failure. */
export async function downloadGzip(link: string, options: DownloadOptions): Promise<Buffer> {
  const { provider, maxBytes, clock, log } = options;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new ApiError({ provider, method: 'GET', path: '(attachment link)', status: 0, detail: 'the attachment link is not a URL', code: 'api-unexpected' });
  }
  const where = url.origin + url.pathname;
  const fail = (status: number, detail: string, code?: string) =>
    new ApiError({ provider, method: 'GET', path: where, status, detail, ...(code ? { code } : {}) });
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail(0, `the attachment link is not http(s)`, 'api-unexpected');
  const started = clock.now();
  let status = 0;
  const limit = deadline(options.timeoutMs ?? 60_000);
  try {
    const response = await ofetch.raw<unknown, 'stream'>(url.href, {
      responseType: 'stream',
      redirect: 'manual',
      retry: 0,
      ignoreResponseError: true,
      signal: limit.signal,
    });
    status = response.status;
    if (status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw fail(status, `the attachment could not be fetched (HTTP ${status}); it may have expired`);
    }
    const packed = await readBoundedBytes(response, maxBytes);
    try {
      return gunzipSync(packed, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error instanceof RangeError) throw fail(status, `the attachment unpacks to more than ${formatBytes(maxBytes)}`, 'api-too-large');
      throw fail(status, 'the attachment is not gzip data', 'api-unexpected');
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof BodyTooLarge) throw fail(status, error.message, 'api-too-large');
    throw fail(status, error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'no answer');
  } finally {
    limit.clear();
    log?.({ provider, method: 'GET', path: where, status, ms: clock.now() - started, attempt: 1 });
  }
}
