// Field validation with Laravel's rules and messages (the platform's framework, judging by its field
// names, timestamps and ids): every failing field is reported at once, keyed by field name.
import type { Input } from './input.js';

export type Rule =
  | { kind: 'required' }
  | { kind: 'string'; max: number }
  | { kind: 'integer' }
  | { kind: 'email' }
  /** Fails when the value is present and `test` says no; `message` is Laravel's for the rule. */
  | { kind: 'check'; test: (value: unknown) => boolean; message: string };

export type Rules = Record<string, Rule[]>;
export type FieldErrors = Record<string, string[]>;

export const required: Rule = { kind: 'required' };
export const text: Rule = { kind: 'string', max: 255 };
export const integer: Rule = { kind: 'integer' };
export const email: Rule = { kind: 'email' };

/** Checks `input` against `rules`; only rules of fields that are present run, except `required`. */
export function validate(input: Input, rules: Rules): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, fieldRules] of Object.entries(rules)) {
    const value = input[field];
    const label = field.replaceAll('_', ' ');
    for (const rule of fieldRules) {
      const message = failure(rule, value, label);
      if (message) {
        (errors[field] ??= []).push(message);
        break; // one message per field: as Laravel gives once a field is missing or of the wrong type
      }
    }
  }
  return errors;
}

function failure(rule: Rule, value: unknown, label: string): string | undefined {
  if (rule.kind === 'required') return value === undefined || value === null ? `The ${label} field is required.` : undefined;
  if (value === undefined || value === null) return undefined;
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') return `The ${label} field must be a string.`;
      // Laravel counts characters (mb_strlen), not UTF-16 units: an emoji is one.
      return [...value].length > rule.max ? `The ${label} field must not be greater than ${rule.max} characters.` : undefined;
    case 'integer':
      return asInteger(value) === undefined ? `The ${label} field must be an integer.` : undefined;
    case 'email':
      return typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value) ? undefined : `The ${label} field must be a valid email address.`;
    case 'check':
      return rule.test(value) ? undefined : rule.message.replace(':attribute', label);
  }
}

/** An integer from JSON (a number) or a form (a string of digits); undefined when it is neither. */
export function asInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Laravel's summary line: the first message, and how many more there are. */
export function summary(errors: FieldErrors): string {
  const messages = Object.values(errors).flat();
  const more = messages.length - 1;
  return more > 0 ? `${messages[0]} (and ${more} more error${more === 1 ? '' : 's'})` : (messages[0] ?? '');
}
