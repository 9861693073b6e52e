// The pipeline every platform emulator runs in front of its own handler: the `/_emulator/state` endpoints
// (no auth, no limits, no faults), then latency and injected faults, then the platform, then the record.
// A platform brings a Handler (its routes via router.ts, auth, limits via rate-limit.ts, error bodies) and a
// StateAccess; seed and persist its state with state-file.ts. See commercelayer/index.ts for a complete one.
import { setTimeout as sleep } from 'node:timers/promises';
import { listen } from './server.js';
import { createFaultPlan, type FaultKnobs } from './faults.js';
import { randomSeed } from './random.js';
import { StateValidationError } from './state-file.js';
import { isReset, type EmulatorRequest, type EmulatorResponse, type Handler, type RecordedRequest } from './types.js';

/** How `/_emulator/state` reads and replaces a platform's state. */
interface StateAccess<S> {
  get(): S;
  /** Validates and installs a new state; throws StateValidationError listing every problem. */
  replace(raw: unknown): S;
}

export interface EmulatorKnobs extends Omit<FaultKnobs, 'kinds' | 'slowRate' | 'slowMs'> {
  faults?: Pick<FaultKnobs, 'kinds' | 'slowRate' | 'slowMs'>;
  /** Seed for injected faults, so a test sees the same failures on every run. */
  seed?: number;
}

export interface StartEmulatorOptions<S> extends EmulatorKnobs {
  host?: string;
  port?: number;
  handle: Handler;
  state: StateAccess<S>;
  /** The platform's own body for an injected 500. */
  faultResponse: EmulatorResponse;
}

export interface RunningEmulator {
  url: string;
  /** Every platform request handled so far, oldest first. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const STATE_PATH = '/_emulator/state';

export async function startEmulator<S>(options: StartEmulatorOptions<S>): Promise<RunningEmulator> {
  const requests: RecordedRequest[] = [];
  const knobs = { latencyMs: options.latencyMs, faultRate: options.faultRate, ...options.faults };
  const drawFault = createFaultPlan(knobs, options.seed ?? randomSeed());
  const closing = new AbortController();

  async function handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    if (request.path.startsWith('/_emulator/')) {
      return stateEndpoint(request, options.state);
    }
    const draw = drawFault();
    if (draw.delayMs > 0) {
      try {
        await sleep(draw.delayMs, undefined, { signal: closing.signal });
      } catch {
        return { reset: true };
      }
    }
    const response = draw.fault === 'error' ? options.faultResponse : draw.fault === 'reset' ? ({ reset: true } as const) : await options.handle(request);
    requests.push(record(request, response));
    return response;
  }

  const server = await listen(handle, { host: options.host, port: options.port });
  return {
    url: server.url,
    requests,
    close: async () => {
      closing.abort();
      await server.close();
    },
  };
}

function stateEndpoint<S>(request: EmulatorRequest, state: StateAccess<S>): EmulatorResponse {
  if (request.path !== STATE_PATH) return { status: 404, body: { error: `no emulator endpoint ${request.path}` } };
  if (request.method === 'GET') return { status: 200, body: state.get() };
  if (request.method !== 'PUT') return { status: 405, headers: { Allow: 'GET, PUT' }, body: { error: 'use GET or PUT' } };
  let raw: unknown;
  try {
    raw = JSON.parse(request.body.toString('utf8'));
  } catch {
    return { status: 400, body: { error: 'the body is not JSON', issues: ['not JSON'] } };
  }
  try {
    return { status: 200, body: state.replace(raw) };
  } catch (error) {
    if (error instanceof StateValidationError) return { status: 400, body: { error: error.message, issues: error.issues } };
    throw error;
  }
}

function record(request: EmulatorRequest, response: EmulatorResponse): RecordedRequest {
  const entry: RecordedRequest = {
    method: request.method,
    path: request.path,
    query: Object.fromEntries(request.query),
    status: isReset(response) ? 0 : response.status,
  };
  if (request.body.length) {
    try {
      entry.body = redact(JSON.parse(request.body.toString('utf8')));
    } catch {
      // Not JSON (a form-encoded token request, a garbage test body): nothing to keep.
    }
  }
  return entry;
}

const SECRET_KEY = /secret|password|token|api_?key/i;

/** Recorded bodies may end up in test output: credentials in them (a token request's secret) are masked. */
function redact(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, SECRET_KEY.test(key) ? '[redacted]' : value]));
}
