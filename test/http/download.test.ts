// Fetching an export's gzipped result from the link a platform gives: bounded before and after gunzip, no
// redirect followed, no credential sent, and the link's signature never quoted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadGzip } from '../../src/http/download.js';
import { ApiError } from '../../src/errors.js';
import { systemClock } from '../../src/http/clock.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

const seen: Record<string, string | undefined>[] = [];

async function serve(status: number, body: Buffer | string, headers: Record<string, string> = {}): Promise<string> {
  server = createServer((req, res) => {
    seen.push({ authorization: req.headers.authorization });
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/exports/x.json.gz?X-Amz-Signature=s3cr3tsig`;
}

const options = { provider: 'cl', maxBytes: 1024 * 1024, clock: systemClock };

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as Error).message).not.toContain('s3cr3tsig');
  return error as ApiError;
}

describe('downloadGzip', () => {
  it('returns the gunzipped bytes, sending no credential', async () => {
    const url = await serve(200, gzipSync('[{"id":"a"}]'));
    expect((await downloadGzip(url, options)).toString()).toBe('[{"id":"a"}]');
    expect(seen.at(-1)).toEqual({ authorization: undefined });
  });

  it('stops a gzip bomb at the bound, and a file too large as sent', async () => {
    const bomb = await serve(200, gzipSync(Buffer.alloc(16 * 1024 * 1024)));
    expect((await failure(downloadGzip(bomb, options))).code).toBe('api-too-large');
    await new Promise((resolve) => server!.close(resolve));
    const large = await serve(200, Buffer.alloc(2 * 1024 * 1024, 1));
    expect((await failure(downloadGzip(large, options))).code).toBe('api-too-large');
  });

  it('refuses what is not gzip, an expired link and a redirect, naming the link without its query', async () => {
    const text = await serve(200, 'not gzip');
    expect((await failure(downloadGzip(text, options))).code).toBe('api-unexpected');
    await new Promise((resolve) => server!.close(resolve));
    const expired = await serve(403, '<Error><Code>AccessDenied</Code></Error>');
    const error = await failure(downloadGzip(expired, options));
    expect(error.message).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/exports\/x\.json\.gz failed \(HTTP 403\).*expired/);
    await new Promise((resolve) => server!.close(resolve));
    const moved = await serve(302, '', { Location: 'http://127.0.0.1:1/elsewhere' });
    expect((await failure(downloadGzip(moved, options))).status).toBe(302);
    await failure(downloadGzip('file:///etc/passwd', options));
  });
});
