// Splitting `:in` filter values into requests whose URL stays under a length most servers and proxies accept.

/** URLs are kept under this many characters (a common limit of proxies and the platform's gateway). */
export const MAX_URL_LENGTH = 2000;

/** A value as the HTTP client's URLSearchParams encodes it (`@` → `%40`, `'` → `%27`, space → `+`). */
function encodedLength(value: string): number {
  return new URLSearchParams([['', value]]).toString().length - 1;
}

/**
 * Groups values so that `base` plus the comma-joined, form-encoded values of each group fits `maxLength`.
 * `base` is the rest of the URL (origin, path and the other query parameters) as it will be sent.
 */
export function chunkForUrl(values: readonly string[], base: string, maxLength = MAX_URL_LENGTH): string[][] {
  const room = maxLength - base.length;
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const value of values) {
    const length = encodedLength(value);
    // A separator is `%2C` (3 characters) once encoded.
    if (current.length && used + 3 + length > room) {
      chunks.push(current);
      current = [];
    }
    used = current.length ? used + 3 + length : length;
    current.push(value);
  }
  if (current.length) chunks.push(current);
  return chunks;
}
