// BigCommerce's error bodies, in the platform's own words. v2 answers with an array `[{status, message,
// details?}]` (observed), though customers.v2.yml declares `{errors:[{status, title, type}]}`: both are read.
// v3 answers `{status, title, type, errors:{field: message}}`. A 207 on a group write is `{status, message}`.

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** One v2 error item: `message` (observed) or `title` (spec), with `details` such as `{max_limit: 250}`. */
function v2Item(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const message = text(item.message) ?? text(item.title);
  if (!message) return undefined;
  const details = isObject(item.details)
    ? Object.entries(item.details)
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
        .join(', ')
    : '';
  return details ? `${message} (${details})` : message;
}

/** v3 field errors, `{ "0.email": "…" }`, as `0.email: …`. */
function fieldErrors(errors: Obj): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${typeof message === 'string' ? message : JSON.stringify(message)}`)
    .join('; ');
}

function joined(parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length ? present.join('; ') : undefined;
}

/** The platform's message from an error body (any of the three shapes), or undefined when it has none. */
export function bigCommerceErrorDetail(_status: number, body: unknown): string | undefined {
  if (Array.isArray(body)) return joined(body.map(v2Item));
  if (!isObject(body)) return undefined;
  if (Array.isArray(body.errors)) return joined(body.errors.map(v2Item));
  const title = text(body.title) ?? text(body.message);
  const fields = isObject(body.errors) ? fieldErrors(body.errors) : '';
  if (title && fields) return `${title} (${fields})`;
  return title ?? (fields || undefined);
}

/** The message of a 207 "partial success" body, `{status: 207, message}`. */
export function partialSuccessMessage(body: unknown): string {
  return (isObject(body) && text(body.message)) || 'the platform reported a partial success (HTTP 207) without a message';
}
