// The one HTTP client every adapter uses, on ofetch. ofetch re-issues failed requests (`retry`); the hooks
// below decide, per attempt, whether a failure is worth another try and sleep before handing back to it:
// ofetch's own `retryDelay` is synchronous and sleeps on a real timer, and it ignores `Retry-After`, so the
// wait is computed and slept here, on an injectable clock that tests can assert.
//
// Retry policy:
// - 429 and network errors: retried for every method. A POST only after a 429 (the platform refused it) or a
//   refused connection (it never arrived): after a 5xx or a timeout the create may have happened, and a second
//   POST could create a duplicate, so the error is reported instead and the next plan shows the truth.
// - 5xx: retried for idempotent calls (every method but POST, unless the caller says otherwise).
// - 401 that the adapter's `auth.isExpired` recognises: one credential refresh and one more try.
//
// Trust policy (every answer is hostile until checked):
// - No redirect is followed: a 3xx is an error naming both URLs, so a credential never reaches a second host.
// - A body is read up to `maxResponseBytes` (decompressed) and no further.
// - A 2xx body must fit the call's documented shape (`shape.ts`) before the adapter sees it.
import { ofetch, type FetchContext } from 'ofetch';
import { ApiError, GroupformError } from '../errors.js';
import type { HttpLog } from './log.js';
import { systemClock, type Clock } from './clock.js';
import { redact } from './redact.js';
import type { CallClass, RateRule } from '../model.js';
import { deadline, type Deadline } from './deadline.js';
import { Limiter, type Call, type Ticket } from './limiter.js';
import { rateObservation, requestedWaitMs } from './rate-headers.js';
import { backoffMs, type Backoff } from './backoff.js';
import { fallbackDetail, isConnectionRefused, networkDetail, shorten, type ErrorDetail } from './error-detail.js';
import { BodyTooLarge, DEFAULT_MAX_RESPONSE_BYTES, parseBody, readBounded } from './body.js';
import { shapeProblem, type Shape } from './shape.js';

/** Shorter limiter waits are not reported through onWait. */
const NOTICEABLE_WAIT_MS = 1000;

export interface Auth {
  /** Headers that authenticate a call; asked before every attempt, so a refreshed credential is used. */
  headers(): Promise<Record<string, string>>;
  /** Whether a 401 answer means the credential expired, so that one refresh and one more try may help. */
  isExpired?(status: number, body: unknown): boolean;
  /** Drops the credential that `sent` carried; the next `headers()` brings a fresh one. */
  refresh?(sent: Record<string, string>): Promise<void>;
}

export interface HttpClientOptions {
  /** Provider instance name, for logs and errors. */
  provider: string;
  baseUrl: string;
  /** Sent on every call (Accept, Content-Type, …); per-call headers override them. */
  headers?: Record<string, string>;
  auth?: Auth;
  /** Every secret the platform might echo back. Values of auth headers are added automatically. */
  secrets?: () => readonly string[];
  /** The platform's message from an error body; a generic one is used when this returns undefined. */
  errorDetail?: ErrorDetail;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Tries per call, the first included; default 5. */
  attempts?: number;
  /** Client-side limits, from the platform's documentation; default 4 in flight and no rate rule. */
  limits?: ClientLimits;
  log?: HttpLog;
  /** Told, in a sentence, whenever the client sleeps for a rate limit or before a retry. */
  onWait?: (message: string) => void;
  /** Told whenever a call is asked for or answered, or calls are held back: for progress displays. */
  onActivity?: (activity: ClientActivity) => void;
  clock?: Clock;
  backoff?: Backoff;
  /** Longest wait a platform's header may impose before a retry; default 120 s. */
  maxWaitMs?: number;
  /** Largest body (decompressed) read from one answer; default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
}

interface ClientLimits {
  concurrency: number;
  rules: readonly RateRule[];
  /** The endpoint a call goes to, as the platform's per-endpoint limits count it; default: method and path. */
  endpoint?: (method: Method, path: string) => string;
}

/** Where a client's work stands. */
export interface ClientActivity {
  /** Calls asked for and not answered yet, those queued behind the limiter included: the work known to remain. */
  pending: number;
  /** Calls finished (answered or failed) since the client was made. */
  done: number;
  /** While calls are held back (a rate limit, a retry's backoff): until when, on the client's clock, and why. */
  waiting?: { until: number; why: string };
  /** About the least time the pending calls need at the rate limits, in ms. */
  leastMs: number;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

interface RequestOptions<T> {
  /** The documented shape of a successful answer; anything else is an error, never handed to the caller. */
  shape: Shape<T>;
  method?: Method;
  query?: Query;
  /** JSON-serialised unless already a string. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Whether repeating the call is harmless; default: every method but POST. */
  idempotent?: boolean;
}

interface HttpResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

export interface HttpClient {
  /** One call, with retries; resolves to the body, checked against `options.shape`. Throws ApiError. */
  request<T>(path: string, options: RequestOptions<T>): Promise<T>;
  /** The same, resolving to status, headers and body, for platforms whose 2xx statuses mean different things. */
  send<T>(path: string, options: RequestOptions<T>): Promise<HttpResponse<T>>;
  /** `path` as errors name it: the whole URL path under the base URL, readable, with no credential. */
  pathOf(path: string): string;
  /** Replaces the rate rules (once the platform said which plan or environment applies). */
  setRateRules(rules: readonly RateRule[]): void;
  /** The rate rules as they stand, with what the platform's headers taught (a store's quota). */
  rateRules(): readonly RateRule[];
}

// Statuses ofetch may re-issue; the hooks throw before a retry for any that the policy above does not allow.
// No answer at all counts as 500 for ofetch.
const RETRY_STATUSES = [401, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { provider } = options;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const attempts = Math.max(1, options.attempts ?? 5);
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const authSecrets = new Set<string>();
  const clean = (text: string) => redact(text, [...(options.secrets?.() ?? []), ...authSecrets]);
  const wait = (message: string) => options.onWait?.(clean(`${provider}: ${message}`));
  const activity = { pending: 0, done: 0 };
  /** Pending calls by class, for the time they need at the rate limits. */
  const pending: Record<CallClass, number> = { read: 0, write: 0 };
  const report = (waiting?: { ms: number; why: string }): void => {
    if (!options.onActivity) return;
    const leastMs = Math.max(limiter.leastMs(pending.read, 'read'), limiter.leastMs(pending.write, 'write'));
    options.onActivity({ ...activity, leastMs, ...(waiting ? { waiting: { until: clock.now() + waiting.ms, why: clean(waiting.why) } } : {}) });
  };
  const limits = options.limits ?? { concurrency: 4, rules: [] };
  const endpointOf = limits.endpoint ?? ((method: Method, path: string) => `${method} ${path}`);
  const limiter = new Limiter({
    concurrency: limits.concurrency,
    rules: limits.rules,
    clock,
    // Pacing by a few hundred ms is routine; only waits a person would notice are worth a line.
    onWait: (ms, why) => {
      if (ms < NOTICEABLE_WAIT_MS) return;
      wait(`client rate limit (${why}), waiting ${seconds(ms)}`);
      report({ ms, why: `rate limit, ${why}` });
    },
  });

  function pathOf(path: string): string {
    return clean(decode(new URL(baseUrl + path).pathname));
  }

  async function send<T>(path: string, req: RequestOptions<T>): Promise<HttpResponse<T>> {
    const callClass = classOf(req.method ?? 'GET');
    activity.pending++;
    pending[callClass]++;
    report();
    try {
      return await exchange(path, req);
    } finally {
      activity.pending--;
      pending[callClass]--;
      activity.done++;
      report();
    }
  }

  /** One call and its retries. */
  async function exchange<T>(path: string, req: RequestOptions<T>): Promise<HttpResponse<T>> {
    const method = req.method ?? 'GET';
    const idempotent = req.idempotent ?? method !== 'POST';
    const url = new URL(baseUrl + path + queryString(req.query));
    const where = pathOf(path);
    const logPath = clean(decode(url.pathname + url.search));
    const call: Call = { class: classOf(method), endpoint: endpointOf(method, path.split('?')[0]!) };
    const state = {
      attempt: 0,
      retries: 0,
      refreshed: false,
      started: 0,
      ticket: undefined as Ticket | undefined,
      deadline: undefined as Deadline | undefined,
      sent: {} as Record<string, string>,
      /**
       * The last answer's body, parsed. Kept here, not on the Response (`_data`, where ofetch puts it): fetch
       * registers every Response with a FinalizationRegistry, which keeps it through every minor GC, and with
       * it the whole parsed page, until a full GC (hundreds of MB over a million-customer read).
       */
      body: undefined as unknown,
    };
    const fail = (status: number, detail: string, cause?: unknown, code?: string) =>
      new ApiError({ provider, method, path: where, status, detail: clean(detail), ...(code ? { code } : {}) }, cause ? { cause } : undefined);
    // Ends an attempt once: frees its limiter slot and logs it.
    const settle = (status: number) => {
      state.deadline?.clear();
      if (!state.ticket) return;
      limiter.release(state.ticket);
      state.ticket = undefined;
      options.log?.({ provider, method, path: logPath, status, ms: clock.now() - state.started, attempt: state.attempt });
    };
    const retryAfter = async (ms: number, why: string) => {
      state.retries++;
      wait(`${why} on ${method} ${where}, retry ${state.retries} of ${attempts - 1} in ${seconds(ms)}`);
      report({ ms, why: `${why}, retry ${state.retries}` });
      await clock.sleep(ms);
    };

    try {
      const response = await ofetch.raw<unknown, 'stream'>(url.href, {
        method,
        body: req.body as Record<string, unknown> | string | undefined,
        headers: { ...options.headers, ...req.headers },
        // Transient retries (attempts - 1) plus one after an auth refresh; the hooks decide which happen.
        retry: attempts,
        retryStatusCodes: RETRY_STATUSES,
        retryDelay: 0,
        redirect: 'manual',
        // The body is read here, bounded, in onResponse: ofetch would read it whole.
        responseType: 'stream',
        async onRequest(ctx: FetchContext) {
          state.sent = options.auth ? await options.auth.headers() : {};
          for (const [name, value] of Object.entries(state.sent)) {
            ctx.options.headers.set(name, value);
            authSecrets.add(value).add(value.split(' ').at(-1) ?? value);
          }
          state.body = undefined;
          state.ticket = await limiter.acquire(call);
          state.attempt++;
          state.started = clock.now();
          // A fresh timeout per attempt: ofetch's `timeout` would carry the first attempt's signal into retries.
          state.deadline = deadline(timeoutMs);
          ctx.options.signal = state.deadline.signal;
        },
        async onRequestError(ctx) {
          settle(0);
          const detail = networkDetail(ctx.error, timeoutMs);
          const retryable = idempotent || isConnectionRefused(ctx.error);
          if (!retryable || state.retries >= attempts - 1) throw fail(0, detail, ctx.error);
          await retryAfter(backoffMs(state.retries, clock.random(), options.backoff), detail);
        },
        async onResponse(ctx) {
          const { response } = ctx;
          let status = response.status;
          try {
            // With `redirect: 'manual'` fetch hands a 3xx over as it came, and ofetch takes it for a success.
            if (status >= 300 && status < 400) {
              await response.body?.cancel().catch(() => undefined);
              throw fail(status, redirectDetail(url, response.headers.get('location')), undefined, 'api-redirect');
            }
            state.body = parseBody(await readBounded(response, maxResponseBytes));
            response._data = undefined;
          } catch (error) {
            if (error instanceof BodyTooLarge) throw fail(status, error.message, undefined, 'api-too-large');
            // A body cut short (reset, timeout) is logged as a call that got no answer.
            if (!(error instanceof ApiError)) status = 0;
            throw error;
          } finally {
            settle(status);
          }
          const rate = rateObservation(response.headers);
          if (rate) limiter.observe(rate, call);
        },
        async onResponseError(ctx) {
          const { status, statusText, headers } = ctx.response;
          const body = state.body;
          const auth = options.auth;
          if (status === 401 && !state.refreshed && auth?.refresh && auth.isExpired?.(status, body)) {
            state.refreshed = true;
            await auth.refresh(state.sent);
            return;
          }
          const retryable = status === 429 || (status >= 500 && idempotent);
          if (!retryable || state.retries >= attempts - 1) {
            // Redacted before it is shortened: a secret cut in two would no longer be recognised.
            throw fail(status, shorten(clean(options.errorDetail?.(status, body) ?? fallbackDetail(status, statusText, body))));
          }
          const asked = requestedWaitMs(status, headers, clock.now());
          const ms = asked === undefined ? backoffMs(state.retries, clock.random(), options.backoff) : Math.min(asked, maxWaitMs);
          // The platform said how long: hold every call of this client, not only this one.
          if (status === 429 && asked !== undefined) limiter.hold(clock.now() + ms);
          await retryAfter(ms, `HTTP ${status}`);
        },
      });
      const problem = shapeProblem(req.shape, response.status, state.body);
      if (problem) throw fail(response.status, `unexpected answer: expected ${req.shape.what}, got ${problem}`, undefined, 'api-unexpected');
      return { status: response.status, headers: response.headers, data: state.body as T };
    } catch (error) {
      settle(0);
      // Ours (an ApiError, or a credential the adapter refused before use): already worded for a person.
      if (error instanceof GroupformError) throw error;
      // Anything else (an ofetch FetchError) carries the request options, credentials included: never let it out.
      throw fail(0, networkDetail(error, timeoutMs));
    }
  }

  return {
    send,
    pathOf,
    setRateRules: (rules) => limiter.setRules(rules),
    rateRules: () => limiter.rules(),
    request: async <T>(path: string, req: RequestOptions<T>) => (await send<T>(path, req)).data,
  };
}

/** Both URLs: the one asked (without its query, which may list customers' e-mails) and the Location. */
function redirectDetail(from: URL, location: string | null): string {
  const asked = from.origin + from.pathname;
  if (location === null) return `a redirect without a Location, from ${asked}; groupform follows no redirect`;
  let to = location;
  try {
    to = new URL(location, from).href;
  } catch {
    // Not a URL: quoted as sent.
  }
  return `redirected from ${asked} to ${shorten(to)}; groupform follows no redirect (check the provider's address settings)`;
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Paths are logged readable (`filter[q][email_in]=a@x.com`), not percent-encoded. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Platforms count reads and writes apart (Commerce Layer); a GET is a read. */
function classOf(method: Method): CallClass {
  return method === 'GET' ? 'read' : 'write';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
