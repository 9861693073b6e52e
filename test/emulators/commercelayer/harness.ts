// Starts a Commerce Layer emulator for a test and talks to it over real HTTP, as a client would.
import { afterEach } from 'vitest';
import {
  startCommerceLayerEmulator,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
  type CommerceLayerEmulatorOptions,
  type CommerceLayerState,
} from '../../../src/emulators/commercelayer/index.js';

export const JSONAPI = 'application/vnd.api+json';

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read deep into documents; typing every shape would only restate the assertions.
  body: any;
}

export interface Session {
  emulator: CommerceLayerEmulator;
  token: string;
  /** A JSON:API call with the right headers; `headers` overrides them. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

/** A clock tests move by hand. */
export function fakeClock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

export const seedState = (): CommerceLayerState => ({
  organization: { slug: 'acme', id: 'OrgAcmeXyz' },
  customer_groups: [group('GrpVipAaaa', 'VIP', 'vip'), group('GrpGoldAaa', 'Gold', 'Gold'), group('GrpNoCodeA', 'No code', null)],
  customers: [
    customer('CusJohnAaa', 'john@example.com', 'GrpVipAaaa'),
    customer('CusJaneAaa', 'jane@example.com', 'GrpVipAaaa'),
    customer('CusBobAaaa', 'bob@example.com', 'GrpGoldAaa'),
    customer('CusEveAaaa', 'eve@example.com', null),
  ],
});

export function group(id: string, name: string, code: string | null) {
  const at = '2024-06-01T10:00:00.000Z';
  return { id, name, code, reference: null, reference_origin: null, metadata: {}, created_at: at, updated_at: at };
}

export function customer(id: string, email: string, groupId: string | null) {
  const at = '2024-06-01T10:00:00.000Z';
  return {
    id,
    email,
    customer_group_id: groupId,
    status: 'prospect' as const,
    reference: null,
    reference_origin: null,
    metadata: {},
    created_at: at,
    updated_at: at,
  };
}

export async function requestToken(url: string, body: Record<string, string>): Promise<Reply> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export const sandboxCredentials = {
  grant_type: 'client_credentials',
  client_id: SANDBOX_CL_CLIENT_ID,
  client_secret: SANDBOX_CL_CLIENT_SECRET,
};

/** An emulator seeded with seedState() (unless options say otherwise), rate limits off unless given, and a token. */
export async function openSession(options: CommerceLayerEmulatorOptions = {}): Promise<Session> {
  const emulator = await startCommerceLayerEmulator({ state: seedState(), rateLimits: false, ...options });
  const token = (await requestToken(emulator.url, sandboxCredentials)).body.access_token as string;
  return {
    emulator,
    token,
    async call(method, path, body, headers) {
      const response = await fetch(`${emulator.url}${path}`, {
        method,
        headers: {
          Accept: JSONAPI,
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': JSONAPI }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/** A `start(options)` for one test file: each test's emulator is closed after it. */
export function useSessions(): (options?: CommerceLayerEmulatorOptions) => Promise<Session> {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.emulator.close();
    session = undefined;
  });
  return async (options = {}) => (session = await openSession(options));
}
