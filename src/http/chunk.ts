// Splitting `in` filter values into requests whose URL stays under a length most servers and proxies accept,
// and, where a platform caps the values of one filter (or one page holds fewer answers), under a count.

/** URLs are kept under this many characters (a common limit of proxies and the platforms' gateways). */
const MAX_URL_LENGTH = 2000;

/** A value as the HTTP client's URLSearchParams encodes it (`@` → `%40`, `'` → `%27`, space → `+`). */
function encodedLength(value: string): number {
  return new URLSearchParams([['', value]]).toString().length - 1;
}

export interface ChunkLimits {
  /** Longest URL; default MAX_URL_LENGTH. */
  maxLength?: number;
  /** Most values in one chunk; default no cap. */
  maxCount?: number;
}

/**
 * Groups values so that `base` plus the comma-joined, form-encoded values of each group fits `maxLength`, and
 * no group holds more than `maxCount`. `base` is the rest of the URL (origin, path and the other query
 * parameters) as it will be sent.
 */
export function chunkForUrl(values: readonly string[], base: string, limits: ChunkLimits = {}): string[][] {
  const room = (limits.maxLength ?? MAX_URL_LENGTH) - base.length;
  const maxCount = limits.maxCount ?? Infinity;
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const value of values) {
    const length = encodedLength(value);
    // A separator is `%2C` (3 characters) once encoded.
    if (current.length && (used + 3 + length > room || current.length >= maxCount)) {
      chunks.push(current);
      current = [];
    }
    used = current.length ? used + 3 + length : length;
    current.push(value);
  }
  if (current.length) chunks.push(current);
  return chunks;
}
