// A recording proxy on 127.0.0.1: forwards every request to a target server and keeps both sides of each
// exchange (headers and bodies as sent), which the emulator's own request log does not hold.
import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from './contract.js';

export interface Recorder {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

async function read(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRecorder(target: string): Promise<Recorder> {
  const exchanges: Exchange[] = [];
  const server = createServer((req, res) => {
    // A request that cannot be read or relayed drops the connection: the client sees a network error, not a hang.
    (async () => {
      const requestBody = await read(req);
      const url = new URL(req.url ?? '/', target);
      const headers = Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const upstream = forward(url, { method: req.method, headers: { ...headers, host: url.host } }, (answer) => {
        read(answer).then(
          (responseBody) => relay(answer, responseBody),
          () => res.destroy(),
        );
      });
      const relay = (answer: IncomingMessage, responseBody: string): void => {
        exchanges.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          requestHeaders: headers,
          requestBody,
          status: answer.statusCode ?? 0,
          responseBody,
        });
        const { 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, rest).end(responseBody);
      };
      upstream.on('error', () => res.destroy());
      upstream.end(requestBody);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
