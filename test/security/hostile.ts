// A hostile platform for the security tests: a node:http server on 127.0.0.1 (random port) that answers as a
// test scripts it and records every request, and a scratch project that runs the CLI against it with a time
// bound (and, for the tests about memory, as a process with a memory bound), then checks what came out.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { createProject, type Project } from '../helpers/e2e.js';
import { runCli, runCliProcess, type CliResult } from '../helpers/run-cli.js';

/** Credentials no other text contains, so that any trace of one in an output is found. */
const SECRET = 'sekret-7f3a9c1e-never-shown';
const TOKEN = 'cl-token-5d2b8e40-never-shown';

interface Request {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface Hostile {
  url: string;
  requests: Request[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

const open = new Set<Hostile>();

/** Starts a server answering with `handler`; `closeAll` (afterEach) shuts every one down. */
export async function hostile(handler: Handler): Promise<Hostile> {
  const requests: Request[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers });
    res.on('error', () => undefined);
    void handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const instance: Hostile = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        open.delete(instance);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.add(instance);
  return instance;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Commerce Layer's token endpoint, answering with TOKEN; anything else goes to `api`. */
export function withToken(api: Handler): Handler {
  return (req, res, url) => {
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      return json(res, 200, { access_token: TOKEN, token_type: 'bearer', expires_in: 7200, scope: 'market:all' });
    }
    return api(req, res, url);
  };
}

export type Platform = 'commercelayer' | 'bigcommerce' | 'xtrakit';

/** The provider instance's name in the config, which every error must name. */
export const NAME: Record<Platform, string> = { commercelayer: 'cl', bigcommerce: 'bc', xtrakit: 'xk' };

/** A groups.yaml with one group on one provider whose every address is `url`; `extra` adds provider settings. */
function config(platform: Platform, extra: string): string {
  const provider = {
    commercelayer: `{ type: commercelayer, base_url: "\${CL_URL}", auth_url: "\${CL_URL}", client_id: cid, client_secret: "\${CL_SECRET}"${extra} }`,
    bigcommerce: `{ type: bigcommerce, base_url: "\${BC_URL}", store_hash: abc123, access_token: "\${BC_TOKEN}"${extra} }`,
    xtrakit: `{ type: xtrakit, base_url: "\${XK_URL}", api_key: "\${XK_KEY}"${extra} }`,
  }[platform];
  return [
    'version: 1',
    'providers:',
    `  ${NAME[platform]}: ${provider}`,
    `defaults: { providers: [${NAME[platform]}] }`,
    'groups:',
    '  vip:',
    '    name: VIP',
    '    members: [ava@example.com]',
    '',
  ].join('\n');
}

function env(platform: Platform, url: string): Record<string, string> {
  return {
    commercelayer: { CL_URL: url, CL_SECRET: SECRET },
    bigcommerce: { BC_URL: url, BC_TOKEN: SECRET },
    xtrakit: { XK_URL: url, XK_KEY: SECRET },
  }[platform];
}

/** Bounds on the CLI: a hostile server must not make it run long or grow large. */
const TIME_BOUND_MS = 60_000;
const HEAP_BOUND_MB = 256;

export interface Run extends CliResult {
  project: Project;
}

/**
 * `groupform plan` (with `--log-file`) against `url` as the provider's every address, in a fresh project,
 * ended after TIME_BOUND_MS. `heapBound`: as a process limited to HEAP_BOUND_MB of heap, for the tests of
 * answers that once took gigabytes; otherwise in the test's process.
 */
export async function planAgainst(platform: Platform, url: string, extra = '', { heapBound = false } = {}): Promise<Run> {
  const project = await createProject({ 'groups.yaml': config(platform, extra) });
  const heap = heapBound ? { NODE_OPTIONS: `--max-old-space-size=${HEAP_BOUND_MB}` } : {};
  const result = await (heapBound ? runCliProcess : runCli)(['plan', '-c', 'groups.yaml', '--log-file', 'calls.jsonl'], {
    cwd: project.dir,
    env: { ...env(platform, url), ...heap },
    timeoutMs: TIME_BOUND_MS,
  });
  return { ...result, project };
}

/**
 * What every refusal must look like: exit 1 (not killed by the time bound, not dead of heap exhaustion), one
 * error naming the provider and the call and saying what was wrong, no secret in any output or file the run
 * wrote, and no write request to any of the servers.
 */
export async function expectRefused(run: Run, error: { provider: string; call: string; detail: RegExp | string }, servers: Hostile[]): Promise<void> {
  try {
    expect(run.stderr).not.toMatch(/heap out of memory/i);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: ${error.provider}: ${error.call}`);
    expect(run.stderr).toMatch(error.detail);
    const files = await readdir(run.project.dir, { recursive: true });
    const written = await Promise.all(files.map((f) => readFile(path.join(run.project.dir, f)).then(String, () => '')));
    for (const text of [run.stdout, run.stderr, ...written]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    const writes = servers.flatMap((s) => s.requests).filter((r) => r.method !== 'GET' && r.path !== '/oauth/token');
    expect(writes).toEqual([]);
  } finally {
    await run.project.remove();
  }
}
