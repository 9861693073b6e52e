import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startCommerceLayerEmulator, type CommerceLayerEmulator } from '../../../src/emulators/commercelayer/index.js';
import { JSONAPI, requestToken, sandboxCredentials, seedState } from './harness.js';

const open: CommerceLayerEmulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function start(options: Parameters<typeof startCommerceLayerEmulator>[0]) {
  const emulator = await startCommerceLayerEmulator({ state: seedState(), rateLimits: false, ...options });
  open.push(emulator);
  return emulator;
}

/** The outcome of each of `count` sequential reads: an HTTP status, or 'reset' when the connection dropped. */
async function outcomes(emulator: CommerceLayerEmulator, token: string, count: number): Promise<(number | 'reset')[]> {
  const seen: (number | 'reset')[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const response = await fetch(`${emulator.url}/api/customers`, { headers: { Accept: JSONAPI, Authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      seen.push(response.status);
    } catch {
      seen.push('reset');
    }
  }
  return seen;
}

/** An emulator and a token from it; the token endpoint draws faults too, so the first tries may fail. */
async function tokenFor(options: Parameters<typeof startCommerceLayerEmulator>[0]): Promise<{ emulator: CommerceLayerEmulator; token: string }> {
  const emulator = await start(options);
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const reply = await requestToken(emulator.url, sandboxCredentials);
      if (reply.status === 200) return { emulator, token: reply.body.access_token };
    } catch {
      // An injected reset on the token call itself: ask again.
    }
  }
  throw new Error('no token in 20 attempts');
}

describe('injected faults', () => {
  it('repeat exactly for the same seed, and mix 500s and resets', async () => {
    const knobs = { faultRate: 0.4, seed: 1234 };
    const a = await tokenFor(knobs);
    const b = await tokenFor(knobs);
    const first = await outcomes(a.emulator, a.token, 40);
    const second = await outcomes(b.emulator, b.token, 40);
    expect(second).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(500);
    expect(first).toContain('reset');
    expect(a.emulator.requests.filter((r) => r.path === '/api/customers').map((r) => (r.status === 0 ? 'reset' : r.status))).toEqual(first);
  });

  it('differ for another seed', async () => {
    const a = await tokenFor({ faultRate: 0.5, seed: 1 });
    const b = await tokenFor({ faultRate: 0.5, seed: 2 });
    expect(await outcomes(b.emulator, b.token, 30)).not.toEqual(await outcomes(a.emulator, a.token, 30));
  });

  it("answer 500 with Commerce Layer's error body when only errors are asked for", async () => {
    const emulator = await start({ faultRate: 1, faults: { kinds: ['error'] }, seed: 7 });
    // Faults strike before authentication, as a failing front end would: no token needed to see one.
    const response = await fetch(`${emulator.url}/api/customer_groups`, { headers: { Accept: JSONAPI } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [{ title: 'Internal server error', detail: 'Something went wrong on our end.', code: 'INTERNAL_SERVER_ERROR', status: '500' }],
    });
  });

  it('never touch /_emulator/state and are off by default', async () => {
    const faulty = await start({ faultRate: 1, seed: 3 });
    for (let i = 0; i < 5; i++) expect((await fetch(`${faulty.url}/_emulator/state`)).status).toBe(200);

    const { emulator, token } = await tokenFor({});
    expect(new Set(await outcomes(emulator, token, 30))).toEqual(new Set([200]));
  });

  it('end a delayed response with a reset when the emulator closes', async () => {
    const emulator = await startCommerceLayerEmulator({ latencyMs: 600_000 });
    const outcome = new Promise<string>((resolve) => {
      const req = request(`${emulator.url}/api/customers`, { headers: { Accept: JSONAPI } }, () => resolve('response'));
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      // Once the request is fully written, a round trip on another connection lets the server take it in.
      req.end(() => void fetch(`${emulator.url}/_emulator/state`).then(() => emulator.close()));
    });
    expect(await outcome).toBe('ECONNRESET');
  });
});
