// `POST /oauth/token` (client credentials), `POST /oauth/revoke`, the public key set the tokens verify against,
// and the bearer check on the API (shared/providers §1.1, §1.2; https://docs.commercelayer.io/core/authentication ,
// https://docs.commercelayer.io/core/authentication/revoking-a-token).
import type { Clock, EmulatorRequest, EmulatorResponse } from '../common/types.js';
import { randomString } from '../common/random.js';
import { signJwt, verifyJwt, type SigningKey } from './jwt.js';
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
  key: SigningKey;
}

const ISSUER = 'https://auth.commercelayer.io';

export class TokenAuthority {
  readonly #options: AuthOptions;
  /**
   * The signatures of the tokens this instance issued and nobody revoked: the key is shared within the process,
   * but tokens from an earlier run or another instance are unknown here, as they would be.
   */
  readonly #issued = new Set<string>();
  /** Each API credential is an application with its own id, the same in every token it gets. */
  readonly #applicationIds: Map<string, string>;

  constructor(options: AuthOptions) {
    this.#options = options;
    this.#applicationIds = new Map(options.clients.map((c) => [c.clientId, randomString(options.random, ID_ALPHABET, 10)]));
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
    const client = this.#client(params);
    if (!client) return invalidClient();
    const nowSeconds = Math.floor(this.#options.clock() / 1000);
    const scope = params.scope || 'market:all';
    const organization = this.#options.organization();
    const payload = {
      organization: { id: organization.id, slug: organization.slug, enterprise: false, region: 'eu-west-1' },
      // The claims js-auth's JWTIntegration type documents (jwtDecode.ts).
      application: {
        id: this.#applicationIds.get(client.clientId),
        client_id: client.clientId,
        kind: 'integration',
        public: false,
        confidential: true,
      },
      scope,
      exp: nowSeconds + this.#options.ttlSeconds,
      test: this.#options.mode === 'test',
      rand: this.#options.random(),
      iat: nowSeconds,
      iss: ISSUER,
    };
    const token = signJwt(payload, this.#options.key);
    this.#issued.add(signatureOf(token));
    return {
      status: 200,
      body: {
        access_token: token,
        token_type: 'bearer',
        expires_in: this.#options.ttlSeconds,
        scope,
        created_at: nowSeconds,
      },
    };
  }

  /**
   * Answers a revocation: the client authenticates as on the token endpoint (integrations are confidential, so
   * the secret is required) and names the token; 200 with an empty object, as OAuth 2 revocation (RFC 7009)
   * answers whether or not the token was still valid. A token issued to another client is refused (403), as
   * Doorkeeper, the server behind CL's auth endpoint, refuses it.
   */
  revoke(request: EmulatorRequest): EmulatorResponse {
    const params = readParams(request);
    if (!params) return oauthError(400, 'invalid_request', 'The request body must be JSON or form-encoded.');
    if (!params.token) return oauthError(400, 'invalid_request', 'The request is missing a required parameter: token.');
    const client = this.#client(params);
    if (!client) return invalidClient();
    const payload = verifyJwt(params.token, this.#options.key);
    const application = payload?.application as { client_id?: unknown } | undefined;
    if (payload && application?.client_id !== client.clientId) {
      return oauthError(403, 'unauthorized_client', 'You are not authorized to revoke this token.');
    }
    this.#issued.delete(signatureOf(params.token));
    return { status: 200, body: {} };
  }

  /** The issuer's public key set (`/.well-known/jwks.json`), what js-auth's jwtVerify reads. */
  keys(): EmulatorResponse {
    return { status: 200, body: { keys: [this.#options.key.jwk] } };
  }

  /** Throws 401 unless the request carries a token this emulator issued, not revoked, and not expired. */
  check(request: EmulatorRequest): void {
    const header = request.headers.authorization;
    if (!header) throw fail.missingToken();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    const payload = token && this.#issued.has(signatureOf(token)) ? verifyJwt(token, this.#options.key) : undefined;
    if (!payload || typeof payload.exp !== 'number' || payload.exp * 1000 <= this.#options.clock()) {
      throw fail.invalidToken();
    }
  }

  #client(params: Record<string, string>): ClientCredentials | undefined {
    const client = this.#options.clients.find((c) => c.clientId === params.client_id);
    return client && client.clientSecret === params.client_secret ? client : undefined;
  }
}

const signatureOf = (token: string): string => token.slice(token.lastIndexOf('.') + 1);

function invalidClient(): EmulatorResponse {
  return oauthError(
    401,
    'invalid_client',
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  );
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
    return Object.fromEntries(Object.entries(body).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])));
  } catch {
    return undefined;
  }
}

/**
 * CL's auth errors come in its JSON:API error envelope (js-auth reads `errors` from a failed token response);
 * the titles are the OAuth error names and the details Doorkeeper's standard texts. Not documented in full.
 */
function oauthError(status: number, title: string, detail: string): EmulatorResponse {
  const code = status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST';
  const error = new JsonApiError(status, [{ title, detail, code }]);
  return { status, body: { errors: error.errors } };
}
