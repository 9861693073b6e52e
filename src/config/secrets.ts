// The secret fields of a provider, and the last line of defence that keeps their values out of findings.
import type { Finding } from '../model.js';
import type { Path } from './positions.js';
import { redact as redactText } from '../http/redact.js';

/** Provider fields whose values are credentials: held as `Secret`s, never shown. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['client_secret', 'access_token', 'api_key']);

/** Whether `path` is a provider's secret field (`/providers/<name>/<secret field>`). */
export function isSecretPath(path: Path): boolean {
  return path.length === 3 && path[0] === 'providers' && SECRET_FIELDS.has(String(path[2]));
}

/** Whether `path` is a provider field that holds a credential: a secret, or the client id paired with one. */
export function isCredentialPath(path: Path): boolean {
  return isSecretPath(path) || (path.length === 3 && path[0] === 'providers' && path[2] === 'client_id');
}

/** Replaces any secret value a message might still carry (say, a secret pasted into a group's name). */
export function redactFindings(findings: Finding[], secrets: readonly string[]): Finding[] {
  if (secrets.length === 0) return findings;
  return findings.map((finding) => {
    const message = redactText(finding.message, secrets);
    return message === finding.message ? finding : { ...finding, message };
  });
}
