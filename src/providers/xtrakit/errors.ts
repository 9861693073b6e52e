// The platform's own words from an error answer. Only the 401 bodies are documented (`{status, error}`);
// others may carry `message`, `error`, and field errors under `data.errors` or `errors` (Laravel's shape).
import { record } from './pages.js';

/** A one-line detail for ApiError, or undefined when the body says nothing usable. */
export function errorDetail(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  const root = record(body);
  if (!root) return undefined;
  const headline = text(root.message) ?? text(root.error);
  const fields = fieldErrors(record(record(root.data)?.errors) ?? record(root.errors));
  const extra = fields.filter((f) => !headline?.includes(f));
  return [headline, ...extra].filter(Boolean).join('; ') || undefined;
}

/** `{field: ["msg", …]}` or `{field: "msg"}` as a flat list of messages. */
function fieldErrors(errors: Record<string, unknown> | undefined): string[] {
  if (!errors) return [];
  return Object.values(errors)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .flatMap((v) => text(v) ?? []);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
