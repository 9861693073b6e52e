// Issue 10, item 4 (bodies): a 4 GB answer or a gzip bomb must stop at the per-call limit (32 MB by default,
// counted after decompression; `max_response_mb` per provider), with an error naming the call, not grow the
// process by gigabytes. The server streams its body as the client reads it and counts what it sent.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, expectRefused, hostile, json, planAgainst, withToken } from './hostile.js';

afterEach(closeAll);

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** Writes `chunk` until `total` bytes are out or the client goes away; returns the bytes written so far. */
function stream(res: ServerResponse, chunk: Buffer, total: number): () => number {
  let sent = 0;
  let gone = false;
  res.on('close', () => (gone = true));
  const pump = (): void => {
    while (!gone && sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!gone) res.end();
  };
  pump();
  return () => sent;
}

describe('response size', () => {
  it('bigcommerce: refuses a 4 GB body announced by Content-Length without reading it', async () => {
    let sent = () => 0;
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(4 * GB) });
      sent = stream(res, Buffer.alloc(MB, ' '), 4 * GB);
    });
    const run = await planAgainst('bigcommerce', server.url, '', { heapBound: true });
    await expectRefused(
      run,
      {
        provider: 'bc',
        call: 'GET /stores/abc123/v2/customer_groups',
        detail: 'failed (HTTP 200): the answer is larger than 32 MB, the most groupform reads from one call (max_response_mb)',
      },
      [server],
    );
    expect(sent()).toBeLessThan(256 * MB);
  });

  it('xtrakit: stops reading a 4 GB body with no length at 32 MB', async () => {
    let sent = () => 0;
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      sent = stream(res, Buffer.alloc(MB, ' '), 4 * GB);
    });
    const run = await planAgainst('xtrakit', server.url, '', { heapBound: true });
    await expectRefused(run, { provider: 'xk', call: 'GET /api/v1/', detail: /failed \(HTTP 200\): the answer is larger than 32 MB/ }, [server]);
    expect(sent()).toBeLessThan(256 * MB);
  });

  it('commercelayer: stops a gzip bomb at 32 MB of decompressed bytes', async () => {
    // One gzip member of 64 MB of spaces (about 64 kB on the wire), sent 1024 times: 64 GB once decompressed,
    // and about 64 MB on the wire, far more than loopback's socket buffers absorb once the client stops reading.
    const member = gzipSync(Buffer.alloc(64 * MB, ' '), { level: 9 });
    const members = 1024;
    let sent = () => 0;
    const server = await hostile(
      withToken((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/vnd.api+json', 'content-encoding': 'gzip' });
        sent = stream(res, member, members * member.length);
      }),
    );
    const run = await planAgainst('commercelayer', server.url, '', { heapBound: true });
    await expectRefused(
      run,
      {
        provider: 'cl',
        call: 'GET /api/customer_groups',
        detail: /failed \(HTTP 200\): the answer is larger than 32 MB, the most groupform reads from one call/,
      },
      [server],
    );
    expect(sent()).toBeLessThan((members * member.length) / 4);
  });

  it('honours a smaller max_response_mb set on the provider', async () => {
    const groups = Array.from({ length: 20_000 }, (_, i) => ({ id: i + 1, name: `Group ${i + 1} ${'x'.repeat(80)}` }));
    const server = await hostile((_req, res) => json(res, 200, groups));
    const run = await planAgainst('bigcommerce', server.url, ', max_response_mb: 1', { heapBound: true });
    await expectRefused(
      run,
      {
        provider: 'bc',
        call: 'GET /stores/abc123/v2/customer_groups',
        detail: 'the answer is larger than 1 MB, the most groupform reads from one call (max_response_mb)',
      },
      [server],
    );
  });
});
