// Test doubles for the HTTP client: a scripted node:http server on 127.0.0.1:0 and a clock that never sleeps.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/http/clock.js';
import type { RateRule } from '../../src/model.js';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export type Handler = (req: Received, res: ServerResponse) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      received.push(entry);
      void handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/**
 * A virtual clock: sleeps take no real time. Pending sleeps wake in time order, one instant per macrotask, so
 * that what a woken sleeper does next (sleep again, start a call) happens before later sleepers wake.
 * Every sleep's length is recorded.
 */
export function fakeClock(start = Date.parse('2025-01-01T00:00:00Z'), random = 0.5): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  const timers: { at: number; wake: () => void }[] = [];
  let scheduled = false;
  const tick = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at);
    const first = timers[0];
    if (!first) return;
    now = Math.max(now, first.at);
    while (timers[0] && timers[0].at <= now) timers.shift()!.wake();
    schedule();
  };
  const schedule = () => {
    if (scheduled || !timers.length) return;
    scheduled = true;
    setImmediate(tick);
  };
  return {
    sleeps,
    now: () => now,
    random: () => random,
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise<void>((wake) => {
        timers.push({ at: now + ms, wake });
        schedule();
      });
    },
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPortUrl(): Promise<string> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.url;
}

/** A rate rule over every call (BigCommerce's, Xtrakit's kind): at most `limit` in any `windowMs`. */
export const all = (limit: number, windowMs: number): RateRule => ({ counts: 'all', perEndpoint: false, limit, windowMs });
