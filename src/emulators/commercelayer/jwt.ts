// JSON Web Tokens signed as Commerce Layer signs its own: RS512 (RSASSA-PKCS1-v1_5 with SHA-512) with a `kid`
// naming the key in the issuer's key set, `${iss}/.well-known/jwks.json`, which is where the official js-auth
// `jwtVerify` fetches it (commercelayer-js-auth packages/js-auth/src/jwtVerify.ts). node:crypto only.
import { createHash, generateKeyPair, sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public half as a JWK, as the key set publishes it. */
  jwk: { kty: string; n: string; e: string; kid: string; alg: 'RS512'; use: 'sig' };
}

let shared: Promise<SigningKey> | undefined;

/**
 * One RSA key per process: generating one costs a quarter of a second here, too much for every emulator a test
 * suite starts. Each emulator still accepts only the tokens it issued itself (TokenAuthority keeps them).
 */
export function signingKey(): Promise<SigningKey> {
  shared ??= promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(({ privateKey, publicKey }) => {
    const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    // RFC 7638 thumbprint: stable for the key, and what most issuers use as `kid`.
    const kid = createHash('sha256')
      .update(JSON.stringify({ e, kty: 'RSA', n }))
      .digest('base64url');
    return { kid, privateKey, publicKey, jwk: { kty: 'RSA', n, e, kid, alg: 'RS512', use: 'sig' } };
  });
  return shared;
}

export function signJwt(payload: object, key: SigningKey): string {
  const header = encode({ alg: 'RS512', typ: 'JWT', kid: key.kid });
  const body = `${header}.${encode(payload)}`;
  return `${body}.${sign('sha512', Buffer.from(body), key.privateKey).toString('base64url')}`;
}

/** The payload of a token this key signed, or undefined for anything else (garbage, tampering, another key). */
export function verifyJwt(token: string, key: SigningKey): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = decode(parts[0]!);
  if (header?.alg !== 'RS512' || header.kid !== key.kid) return undefined;
  const signature = Buffer.from(parts[2]!, 'base64url');
  if (!verify('sha512', Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, signature)) return undefined;
  return decode(parts[1]!);
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
