// Commerce Layer's error bodies, in its own words. The API answers `{"errors":[{title, detail, code, status}]}`
// (JSON:API; `status` is a string); the token endpoint may answer OAuth's `{error, error_description}`.

interface ClErrorItem {
  title?: unknown;
  detail?: unknown;
  code?: unknown;
}

function items(body: unknown): ClErrorItem[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? errors.filter((e): e is ClErrorItem => typeof e === 'object' && e !== null) : [];
}

/** Each error's `detail` (or its `title` when it has none), once each, joined. */
export function clErrorDetail(_status: number, body: unknown): string | undefined {
  const messages = items(body)
    .map((e) => (typeof e.detail === 'string' && e.detail ? e.detail : e.title))
    .filter((m): m is string => typeof m === 'string' && m !== '');
  return messages.length ? [...new Set(messages)].join('; ') : undefined;
}

/** The token endpoint's message: OAuth fields, else the JSON:API ones. */
export function clAuthErrorDetail(status: number, body: unknown): string | undefined {
  const oauth = body as { error?: unknown; error_description?: unknown } | null;
  if (typeof oauth?.error_description === 'string') return oauth.error_description;
  if (typeof oauth?.error === 'string') return oauth.error;
  return clErrorDetail(status, body);
}

/** A 401 whose code says the access token expired (as the official SDK's `isExpiredTokenError` reads it). */
export function isInvalidToken(status: number, body: unknown): boolean {
  return status === 401 && items(body).some((e) => e.code === 'INVALID_TOKEN');
}
