// Config paths and values in a merchant's words: `['groups','vip','bigcommerce','discount_rules',0,'amount']`
// → "'amount' of discount rule 1 of group 'vip'". Every config finding names its subject this way.
import type { Path } from './positions.js';
import { isSecretPath } from './secrets.js';

/** A phrase naming the thing at `path`, to start or end a sentence. */
export function subject(path: Path): string {
  const [owner, rest] = splitOwner(path);
  if (rest.length === 0) return owner ?? 'the file';
  const of = owner ? ` of ${owner}` : '';
  const last = rest[rest.length - 1];
  if (typeof last === 'number' || /^\d+$/.test(String(last))) {
    return `item ${Number(last) + 1} of '${rest.slice(0, -1).join('.')}'${of}`;
  }
  return `'${rest.join('.')}'${of}`;
}

/** The text with a capital first letter, to start a sentence. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The owning provider, group or discount rule, and the path below it. */
function splitOwner(path: Path): [string | undefined, Path] {
  const [section, name] = path;
  if (path.length < 2 || (section !== 'providers' && section !== 'groups')) return [undefined, path];
  const owner = section === 'providers' ? `provider '${name}'` : `group '${name}'`;
  const rest = path.slice(2);
  // discount_rules are a list of objects: name each rule rather than "item 1 of 'bigcommerce.discount_rules'".
  if (rest[0] === 'bigcommerce' && rest[1] === 'discount_rules' && rest.length >= 3) {
    return [`discount rule ${Number(rest[2]) + 1} of ${owner}`, rest.slice(3)];
  }
  return [owner, rest];
}

/** What a value is, as in "must be a number, not text". */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return 'a map';
  }
}

/** A JSON Schema type in words. */
export function typeInWords(type: string): string {
  switch (type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a map of names to values';
    default:
      return type;
  }
}

/** The value as the user wrote it, for messages; nothing for secrets, lists and maps. */
export function shown(value: unknown, path: Path): string | undefined {
  if (isSecretPath(path)) return undefined;
  if (typeof value === 'string') return `'${value.length > 60 ? value.slice(0, 57) + '...' : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The length of a text in characters (code points, as the platforms count), without copying it. */
export function characters(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** `a, b or c`. */
export function either(words: readonly unknown[]): string {
  const texts = words.map(String);
  return texts.length <= 1 ? texts.join('') : `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}
