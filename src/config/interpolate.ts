// `${VAR}` and `${VAR:-default}` in config strings, read from the environment given (never process.env
// directly, so tests and callers decide). `$${` writes a literal `${`.

export type Env = Readonly<Record<string, string | undefined>>;

export type InterpolationProblem =
  /** `${NAME}` with NAME not in the environment and no default; the value keeps the reference as written. */
  | { kind: 'unset'; name: string; text: string; index: number }
  /** `${…}` that is not a variable reference (bad name, no closing brace). */
  | { kind: 'syntax'; text: string; index: number };

/** A well-formed `${NAME}` or `${NAME:-default}`, set or not. */
interface VariableReference {
  name: string;
  text: string;
  /** Index of its `${` in the original text. */
  index: number;
}

export interface Interpolated {
  value: string;
  /** Every variable referenced: the value came (at least partly) from the environment when there is one. */
  variables: VariableReference[];
  /** Each problem with the index of its `${` in the original text. */
  problems: InterpolationProblem[];
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function interpolate(text: string, env: Env): Interpolated {
  // Most strings (e-mail addresses, names) hold no `$`: leave them untouched and allocation-free.
  if (!text.includes('$')) return { value: text, variables: [], problems: [] };
  const problems: InterpolationProblem[] = [];
  const variables: VariableReference[] = [];
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf('$', i);
    if (at < 0) return { value: out + text.slice(i), variables, problems };
    out += text.slice(i, at);
    if (text.startsWith('$${', at)) {
      out += '${';
      i = at + 3;
      continue;
    }
    if (text[at + 1] !== '{') {
      out += '$';
      i = at + 1;
      continue;
    }
    const close = text.indexOf('}', at + 2);
    if (close < 0) {
      problems.push({ kind: 'syntax', text: text.slice(at), index: at });
      return { value: out + text.slice(at), variables, problems };
    }
    const reference = text.slice(at, close + 1);
    const inner = text.slice(at + 2, close);
    const separator = inner.indexOf(':-');
    const name = separator < 0 ? inner : inner.slice(0, separator);
    i = close + 1;
    if (!VARIABLE_NAME.test(name)) {
      problems.push({ kind: 'syntax', text: reference, index: at });
      out += reference;
      continue;
    }
    const value = env[name];
    variables.push({ name, text: reference, index: at });
    if (separator >= 0) out += value ? value : inner.slice(separator + 2);
    else if (value === undefined) {
      // Kept as written: `validate` goes on checking a file whose variables are set only where it runs.
      out += reference;
      problems.push({ kind: 'unset', name, text: reference, index: at });
    } else out += value;
  }
}
