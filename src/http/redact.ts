// The one redaction every message leaving the HTTP client goes through (error details, logged paths, waits):
// platforms sometimes echo a credential back, and it must not reach a terminal or a log file.
const MASK = '[redacted]';
// No platform issues credentials this short; masking such a value would garble every message it occurs in.
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of each secret, as written, URL-encoded or JSON-escaped, with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so that a secret containing another is masked whole.
  let result = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    result = result.split(form).join(MASK);
  }
  return result;
}
