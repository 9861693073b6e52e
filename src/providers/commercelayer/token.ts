// Commerce Layer's client-credentials access token: fetched once, reused until shortly before `expires_in`
// runs out (the token endpoint allows only 30 calls a minute), and dropped when the API answers 401
// INVALID_TOKEN. The token is a JWT; the expiry comes from `expires_in`, and `onIssued` lets the adapter read
// the environment from its claims before the token is first used.
import type { Secret } from '../../model.js';
import type { Auth, Clock, HttpClient } from '../../http/index.js';
import { isInvalidToken } from './errors.js';
import { tokenAnswer } from './shapes.js';

export interface TokenSettings {
  clientId: string;
  clientSecret: Secret;
  /** Space-separated scopes (`market:code:europe`); optional for integrations. */
  scope?: string;
  /** Told every new token before any call carries it; may throw to refuse it. */
  onIssued?: (token: string) => void;
}

const TOKEN_PATH = '/oauth/token';

/** Renew this long before expiry: a tenth of the lifetime, at most a minute. */
function marginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs / 10);
}

export class TokenSource implements Auth {
  readonly #http: HttpClient;
  readonly #settings: TokenSettings;
  readonly #clock: Clock;
  #current?: { value: string; renewAt: number };
  #pending?: Promise<string>;
  /** Every token handed out, so that none is ever shown, even one the API echoes after it expired. */
  readonly #issued: string[] = [];

  /** `http` is a client for the auth host (its own limiter: the token endpoint has its own limit). */
  constructor(http: HttpClient, settings: TokenSettings, clock: Clock) {
    this.#http = http;
    this.#settings = settings;
    this.#clock = clock;
  }

  async headers(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${await this.token()}` };
  }

  isExpired(status: number, body: unknown): boolean {
    return isInvalidToken(status, body);
  }

  async refresh(sent: Record<string, string>): Promise<void> {
    // Calls that failed together refresh once: only drop the token if it is the one the failed call carried.
    if (this.#current && sent.Authorization === `Bearer ${this.#current.value}`) this.#current = undefined;
  }

  /** The client secret and every token issued, for redaction. */
  secrets(): string[] {
    return [this.#settings.clientSecret.reveal(), ...this.#issued];
  }

  async token(): Promise<string> {
    if (this.#current && this.#clock.now() < this.#current.renewAt) return this.#current.value;
    this.#pending ??= this.#fetch().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  async #fetch(): Promise<string> {
    const { clientId, clientSecret, scope } = this.#settings;
    const asked = this.#clock.now();
    const { access_token: value, expires_in: expiresIn } = await this.#http.request(TOKEN_PATH, {
      shape: tokenAnswer,
      method: 'POST',
      body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret.reveal(), ...(scope ? { scope } : {}) },
      // Asking for a token again has no lasting effect, so it may be retried like a read.
      idempotent: true,
    });
    const lifetime = expiresIn * 1000;
    this.#issued.push(value);
    this.#settings.onIssued?.(value);
    this.#current = { value, renewAt: asked + lifetime - marginMs(lifetime) };
    return value;
  }
}
