// The documented shape of each call's answer, as a small JSON Schema the client checks before the adapter
// sees the body: an HTML page, an empty body or JSON of another shape is an error naming the call and what
// was wrong, never read as an empty list. Adapters declare one shape per call beside their API code.
import { Ajv, type ValidateFunction } from 'ajv';

const ajv = new Ajv({ strict: false });

/** An answer's documented shape; `T` is the type a body of this shape has. */
export interface Shape<T> {
  /** What the documentation promises, for errors: "a list of customer groups". */
  readonly what: string;
  /** Whether 204 No Content is a documented answer (the body is then undefined). */
  readonly noContent: boolean;
  readonly validate: ValidateFunction;
  /** Never set: carries `T` for the compiler. */
  readonly type?: T;
}

export function shape<T>(what: string, schema: object, options: { noContent?: boolean } = {}): Shape<T> {
  return { what, noContent: options.noContent ?? false, validate: ajv.compile(schema) };
}

/** For calls whose answer is not read (a delete): any JSON, or 204 No Content, will do. */
export const anyAnswer: Shape<unknown> = shape('any JSON answer, or none (HTTP 204)', {}, { noContent: true });

/** How much of an unexpected text body an error quotes. */
const QUOTE = 60;

/** What is wrong with a 2xx answer for this shape, or undefined when it fits. */
export function shapeProblem(expected: Shape<unknown>, status: number, body: unknown): string | undefined {
  if (status === 204 || status === 205) return expected.noContent ? undefined : `no content (HTTP ${status})`;
  if (body === undefined) return 'an empty body';
  if (typeof body === 'string') {
    const text = body.trim().replace(/\s+/g, ' ');
    return `a body that is not JSON: "${text.length > QUOTE ? `${text.slice(0, QUOTE)}…` : text}"`;
  }
  if (expected.validate(body)) return undefined;
  // With anyOf, the last error is the summary at the alternatives' place ("must match a schema in anyOf").
  const error = expected.validate.errors?.at(-1);
  return `JSON that does not fit: ${error?.instancePath || 'the top level'} ${error?.message ?? 'is wrong'}`;
}
