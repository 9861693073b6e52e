// A node:http server on loopback that turns each request into an EmulatorRequest, awaits a handler and
// writes its EmulatorResponse. It knows nothing of any platform.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isReset, type EmulatorRequest, type EmulatorResponse } from './types.js';

export interface ListenOptions {
  /** Default 127.0.0.1: the emulators never listen beyond loopback unless asked. */
  host?: string;
  /** Default 0: a free ephemeral port. */
  port?: number;
  /** Larger bodies get 413 without reaching the handler. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface Listening {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

export async function listen(handle: (request: EmulatorRequest) => Promise<EmulatorResponse>, options: ListenOptions = {}): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let origin = '';

  const server = createServer((req, res) => {
    void serve(req, res).catch(() => req.socket.destroy());
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, maxBody);
    if (body === undefined) {
      write(res, { status: 413, body: { error: `request body larger than ${maxBody} bytes` } });
      return;
    }
    const target = new URL(req.url ?? '/', origin);
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      path: target.pathname,
      query: target.searchParams,
      headers: req.headers,
      body,
      ip: req.socket.remoteAddress ?? '',
      origin,
    };
    let response: EmulatorResponse;
    try {
      response = await handle(request);
    } catch {
      // A handler bug must not take the server down; the platform would answer 500 too.
      response = { status: 500, body: { error: 'emulator handler failed' } };
    }
    if (isReset(response)) req.socket.destroy();
    else write(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The whole body, or undefined when it passes `limit` bytes (read to the end anyway, so the 413 can be sent). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

function write(res: ServerResponse, response: Exclude<EmulatorResponse, { reset: true }>): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | Buffer | undefined;
  if (response.body !== undefined) {
    const { body } = response;
    payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    headers['Content-Type'] = response.contentType ?? 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
