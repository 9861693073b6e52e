// The real CLI when a Commerce Layer apply does not finish: one write fails for good, or Ctrl-C. Either way the
// summary and exit code say what did not happen, and the next plan shows exactly the remainder. The failed write
// is made by a small proxy in front of the emulator, so it is the same whatever order concurrent calls arrive in.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/run-cli.js';
import { PROVIDER_BLOCK, group, membersByCode, setupCommerceLayer, shopWithCustomers, type ClSetup } from './commercelayer-fixture.js';

let setup: ClSetup | undefined;
let proxy: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy?.closeAllConnections();
  await setup?.close();
  setup = proxy = undefined;
});

/**
 * Forwards everything to `target`, but answers the first group create with a 500 after forwarding it: the
 * group was made, the answer was lost (the worst case for a client, which must not POST again).
 */
async function loseFirstCreate(target: string): Promise<string> {
  let lost = false;
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const relay = async (): Promise<void> => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'content-length')) as Record<
        string,
        string
      >;
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const answer = await fetch(target + req.url, { method: req.method, headers, body });
      const text = await answer.text();
      if (!lost && req.method === 'POST' && req.url === '/api/customer_groups') {
        lost = true;
        res.writeHead(500, { 'Content-Type': 'application/vnd.api+json' });
        res.end(
          JSON.stringify({ errors: [{ title: 'Internal server error', detail: 'Something went wrong.', code: 'INTERNAL_SERVER_ERROR', status: '500' }] }),
        );
        return;
      }
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(text);
    };
    // A relay that fails drops the connection: the client sees a network error, not a hang.
    req.on('end', () => {
      relay().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

describe('groupform when a Commerce Layer write fails', () => {
  it('carries on with unrelated changes, exits 1, and the next plan shows exactly what remains', async () => {
    const state = shopWithCustomers('ava@example.com', 'liam@example.com', 'mia@example.com');
    state.customer_groups = [group('GrpStaffAa', 'staff', 'Staff')];
    setup = await setupCommerceLayer(
      `${PROVIDER_BLOCK}
groups:
  vip:
    name: VIP
    members: [ava@example.com, liam@example.com]
  staff:
    name: Staff
    members: [mia@example.com]
`,
      { state },
    );
    const via = await loseFirstCreate(setup.emulator.url);

    const apply = await setup.run(['apply', '--auto-approve'], { CL_BASE_URL: via });
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('Apply complete: 1 done, 1 failed, 2 not attempted.');
    expect(apply.stdout).toContain('cl/vip (create group): cl: POST /api/customer_groups failed (HTTP 500): Something went wrong.');
    expect(apply.stdout).toContain('cl/members/ava@example.com (assign to VIP)');
    expect(apply.stdout).toContain('Run `groupform plan` to see what remains.');
    // The create was not sent twice: a retried POST could have made a second group.
    expect(setup.calls().filter((c) => c.method === 'POST' && c.path === '/api/customer_groups')).toHaveLength(1);
    expect(membersByCode(setup.emulator.state())).toEqual({ staff: ['mia@example.com'], vip: [] });

    // The group exists after all; its code finds it, so what remains is the two customers.
    const plan = await setup.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).not.toContain('create group');
    expect(plan.stdout).toContain('+ 2 customers join cl/vip');
    expect(plan.stdout).toContain('Plan: 0 groups to add, 0 to change, 0 to delete; 2 customers to move.');

    expect((await setup.run(['apply', '--auto-approve'])).code).toBe(0);
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

describe('groupform apply interrupted with Ctrl-C', () => {
  it('finishes the calls in flight, starts no new ones, prints the summary, and leaves an exact remainder', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `customer${i}@example.com`);
    const state = shopWithCustomers(...emails);
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP')];
    // Slow answers keep the membership writes going long enough to interrupt them.
    setup = await setupCommerceLayer(`${PROVIDER_BLOCK}\ngroups:\n  vip:\n    name: VIP\n    members: [${emails.join(', ')}]\n`, {
      state,
      latencyMs: 150,
    });
    const patches = () => setup!.emulator.requests.filter((r) => r.method === 'PATCH').length;

    // One PATCH per customer (not one import), so that there are writes in flight to interrupt.
    const child = spawn(process.execPath, [binPath, 'apply', '--auto-approve', '--no-bulk'], {
      cwd: setup.project.dir,
      env: { PATH: process.env.PATH, CI: 'true', NO_COLOR: '1', ...setup.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    while (patches() === 0 && child.exitCode === null) await sleep(10);
    child.kill('SIGINT');

    expect(await exited).toBe(130);
    expect(stderr).toContain('Interrupted (SIGINT): finishing the calls in flight, starting no new ones…');
    const summary = /Apply complete: (\d+) done, 0 failed, (\d+) not attempted\./.exec(stdout);
    expect(summary).not.toBeNull();
    const [done, notAttempted] = [Number(summary![1]), Number(summary![2])];
    expect(done + notAttempted).toBe(20);
    expect(notAttempted).toBeGreaterThan(0);
    expect(stdout).toContain('not started: the run was interrupted');
    // Every call that started was answered, and each answered write is one customer done.
    expect(patches()).toBe(done);
    expect(membersByCode(setup.emulator.state()).vip).toHaveLength(done);

    const plan = await setup.run(['plan']);
    expect(plan.stdout).toContain(`+ ${notAttempted} customers join cl/vip`);
  });
});
