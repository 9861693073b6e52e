// `POST /oauth/token` (client credentials) and the bearer check on the API (shared/providers §1.1, §1.2).
import { randomBytes } from 'node:crypto';
import type { Clock, EmulatorRequest, EmulatorResponse } from '../common/types.js';
import { randomString } from '../common/random.js';
import { signJwt, verifyJwt } from './jwt.js';
import { ID_ALPHABET } from './state.js';
import { fail, JsonApiError } from './errors.js';
import type { CommerceLayerOrganization } from './state.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface AuthOptions {
  clients: readonly ClientCredentials[];
  ttlSeconds: number;
  mode: 'test' | 'live';
  organization: () => CommerceLayerOrganization;
  clock: Clock;
  random: () => number;
}

export const ISSUER = 'https://auth.commercelayer.io';

export class TokenAuthority {
  readonly #options: AuthOptions;
  /** Per emulator instance: tokens from an earlier run or another instance are unknown here, as they would be. */
  readonly #secret = randomBytes(32);
  /** Each API credential is an application with its own id, the same in every token it gets. */
  readonly #applicationIds: Map<string, string>;

  constructor(options: AuthOptions) {
    this.#options = options;
    this.#applicationIds = new Map(
      options.clients.map((c) => [c.clientId, randomString(options.random, ID_ALPHABET, 10)]),
    );
  }

  /** Answers a token request. */
  issue(request: EmulatorRequest): EmulatorResponse {
    const params = readParams(request);
    if (!params) return oauthError(400, 'invalid_request', 'The request body must be JSON or form-encoded.');
    if (!params.grant_type) return oauthError(400, 'invalid_request', 'The request is missing a required parameter: grant_type.');
    if (params.grant_type !== 'client_credentials') {
      // The emulator models integration credentials only; password and refresh grants are not emulated.
      return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    }
    const client = this.#options.clients.find((c) => c.clientId === params.client_id);
    if (!client || client.clientSecret !== params.client_secret) {
      return oauthError(
        401,
        'invalid_client',
        'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      );
    }
    const nowSeconds = Math.floor(this.#options.clock() / 1000);
    const scope = params.scope || 'market:all';
    const organization = this.#options.organization();
    const payload = {
      organization: { id: organization.id, slug: organization.slug, enterprise: false, region: 'eu-west-1' },
      application: { id: this.#applicationIds.get(client.clientId), kind: 'integration', public: false },
      scope,
      exp: nowSeconds + this.#options.ttlSeconds,
      test: this.#options.mode === 'test',
      rand: this.#options.random(),
      iat: nowSeconds,
      iss: ISSUER,
    };
    return {
      status: 200,
      body: {
        access_token: signJwt(payload, this.#secret),
        token_type: 'bearer',
        expires_in: this.#options.ttlSeconds,
        scope,
        created_at: nowSeconds,
      },
    };
  }

  /** Throws 401 unless the request carries a token this emulator issued and that has not expired. */
  check(request: EmulatorRequest): void {
    const header = request.headers.authorization;
    if (!header) throw fail.missingToken();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const payload = match ? verifyJwt(match[1]!, this.#secret) : undefined;
    if (!payload || typeof payload.exp !== 'number' || payload.exp * 1000 <= this.#options.clock()) {
      throw fail.invalidToken();
    }
  }
}

function readParams(request: EmulatorRequest): Record<string, string> | undefined {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const text = request.body.toString('utf8');
  // OAuth 2 clients may post JSON (what CL documents) or a form (what the spec defines); both are accepted.
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type !== 'application/json') return undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    return Object.fromEntries(
      Object.entries(body).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
    );
  } catch {
    return undefined;
  }
}

/**
 * CL's auth errors come in its JSON:API error envelope (js-auth reads `errors` from a failed token response);
 * the titles are the OAuth error names and the details Doorkeeper's standard texts. Not documented in full.
 */
function oauthError(status: number, title: string, detail: string): EmulatorResponse {
  const code = status === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST';
  const error = new JsonApiError(status, [{ title, detail, code }]);
  return { status, body: { errors: error.errors } };
}
