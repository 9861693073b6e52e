// A CI runner cancels a job with SIGTERM; a person presses Ctrl-C twice. The real CLI, applying against a
// Commerce Layer emulator on loopback: the first signal (either) stops new calls, lets those in flight finish,
// prints the summary, logs every call and exits 128 + the signal's number; a second one stops at once and names
// the writes sent but not confirmed. Every spawned process is killed after a time bound.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/run-cli.js';
import { PROVIDER_BLOCK, group, membersByCode, setupCommerceLayer, shopWithCustomers, type ClSetup } from '../e2e/commercelayer-fixture.js';

const EMAILS = Array.from({ length: 20 }, (_, i) => `customer${i}@example.com`);
const CONFIG = `${PROVIDER_BLOCK}\ngroups:\n  vip:\n    name: VIP\n    members: [${EMAILS.join(', ')}]\n`;
/** Longest a spawned CLI may live. */
const TIME_BOUND_MS = 25_000;

let setup: ClSetup | undefined;
let proxy: Server | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  proxy?.closeAllConnections();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  await setup?.close();
  setup = proxy = child = undefined;
});

async function shop(latencyMs?: number): Promise<ClSetup> {
  const state = shopWithCustomers(...EMAILS);
  state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP')];
  return setupCommerceLayer(CONFIG, { state, ...(latencyMs ? { latencyMs } : {}) });
}

interface Running {
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function applyInBackground(env: Record<string, string>): Running {
  // One PATCH per customer (not one import), so that there are writes in flight to interrupt.
  const spawned = spawn(process.execPath, [binPath, 'apply', '--auto-approve', '--no-bulk', '--log-file', 'calls.jsonl'], {
    cwd: setup!.project.dir,
    env: { PATH: process.env.PATH, CI: 'true', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = spawned;
  let stdout = '';
  let stderr = '';
  spawned.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  spawned.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => spawned.kill('SIGKILL'), TIME_BOUND_MS);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    spawned.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    }),
  );
  return { stdout: () => stdout, stderr: () => stderr, exited };
}

async function until(condition: () => boolean, running: Running): Promise<void> {
  let done = false;
  void running.exited.then(() => (done = true));
  while (!condition() && !done) await sleep(10);
  expect(condition()).toBe(true);
}

async function logged(): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(setup!.project.dir, 'calls.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Forwards every call to the emulator except customer writes, which it holds unanswered: in flight for good. */
async function holdWrites(target: string): Promise<{ url: string; held: () => string[] }> {
  const held: string[] = [];
  proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const relay = async (): Promise<void> => {
      if (req.method === 'PATCH') {
        held.push(String(req.url));
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'content-length')) as Record<
        string,
        string
      >;
      const answer = await fetch(target + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(await answer.text());
    };
    // A relay that fails drops the connection: the client sees a network error, not a hang.
    req.on('end', () => {
      relay().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, held: () => [...held] };
}

describe('apply stopped by a signal', () => {
  it('SIGTERM: finishes the calls in flight, prints the summary, logs every call, exits 143', async () => {
    setup = await shop(150);
    const patches = () => setup!.emulator.requests.filter((request) => request.method === 'PATCH').length;
    const running = applyInBackground(setup.env);
    await until(() => patches() > 0, running);
    child!.kill('SIGTERM');

    expect(await running.exited).toEqual({ code: 143, signal: null });
    expect(running.stderr()).toContain('Interrupted (SIGTERM): finishing the calls in flight, starting no new ones…');
    const summary = /Apply complete: (\d+) done, 0 failed, (\d+) not attempted\./.exec(running.stdout());
    expect(summary, running.stdout() + running.stderr()).not.toBeNull();
    const [done, notAttempted] = [Number(summary![1]), Number(summary![2])];
    expect(done + notAttempted).toBe(EMAILS.length);
    expect(notAttempted).toBeGreaterThan(0);
    // Every write the platform answered, those in flight at the signal included, is in the log and done.
    const writes = (await logged()).filter((entry) => entry.method === 'PATCH');
    expect(writes).toHaveLength(patches());
    expect(writes.every((entry) => entry.status === 200)).toBe(true);
    expect(patches()).toBe(done);
    expect(membersByCode(setup.emulator.state()).vip).toHaveLength(done);
  });

  it('a second signal stops at once, naming the writes sent and not confirmed, in the output and the log', async () => {
    setup = await shop();
    const via = await holdWrites(setup.emulator.url);
    const running = applyInBackground({ ...setup.env, CL_BASE_URL: via.url });
    await until(() => via.held().length > 0, running);
    child!.kill('SIGTERM');
    await until(() => running.stderr().includes('Interrupted (SIGTERM)'), running);
    child!.kill('SIGINT');

    expect(await running.exited).toEqual({ code: 130, signal: null });
    const report = /Stopped \(SIGINT again\): (\d+) writes? (?:was|were) sent and not confirmed/.exec(running.stderr());
    expect(report, running.stderr()).not.toBeNull();
    const listed = [...running.stderr().matchAll(/^ {2}(cl\/members\/\S+) \(/gm)].map((match) => match[1]);
    expect(listed).toHaveLength(Number(report![1]));
    // Each write the platform received (and never answered) is named; nothing else is claimed.
    const customers = new Map(setup.emulator.state().customers.map((c) => [c.id, c.email]));
    const received = via.held().map((url) => `cl/members/${customers.get(url.split('/').pop()!.split('?')[0]!)}`);
    expect(received.length).toBeGreaterThan(0);
    for (const address of received) expect(listed).toContain(address);
    for (const address of listed) expect(EMAILS.map((email) => `cl/members/${email}`)).toContain(address);
    expect(running.stdout()).not.toContain('Apply complete');
    // The log holds every answered call and the unconfirmed writes, by name.
    const entries = await logged();
    expect(
      entries
        .filter((entry) => entry.outcome === 'unconfirmed')
        .map((entry) => entry.change)
        .sort(),
    ).toEqual([...listed].sort());
    expect(entries.some((entry) => entry.method === 'GET')).toBe(true);
  });
});
