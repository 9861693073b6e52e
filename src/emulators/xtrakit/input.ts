// Request bodies as the platform's framework sees them: JSON, URL-encoded or multipart form (its PHP samples
// post form data), then trimmed, with empty strings turned into null, as Laravel's default middleware does.

export type Input = Record<string, unknown>;

/** Decodes a body by its content type; an unreadable or absent body is empty input, as in Laravel. */
export async function decodeBody(raw: Buffer, contentType: string | undefined): Promise<Input> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (raw.length === 0) return {};
  if (type === 'application/json' || type.endsWith('+json')) return normalize(parseJson(raw));
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    return normalize(await parseForm(raw, contentType!));
  }
  return {};
}

function parseJson(raw: Buffer): Input {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

async function parseForm(raw: Buffer, contentType: string): Promise<Input> {
  try {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const input: Input = {};
    for (const [key, value] of form) if (typeof value === 'string') input[key] = value;
    return input;
  } catch {
    return {};
  }
}

function normalize(input: Input): Input {
  const out: Input = {};
  for (const [key, value] of Object.entries(input)) {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    out[key] = trimmed === '' ? null : trimmed;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
