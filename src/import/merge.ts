// Import, step 2: one declared group per live group, except that same-named groups on several provider
// instances become one group when the config can say both at once (the same members, the same values
// where they share a field). Each gets a key that is also a valid Commerce Layer code: the group's code
// where Commerce Layer has one, else its name made into one, unique ignoring case.
import { jsonEqual } from '../plan/values.js';
import type { Candidate } from './candidates.js';

export interface ImportedGroup {
  key: string;
  /** In the order the instances are declared. */
  parts: Candidate[];
}

const CODE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,24}$/;
const MAX_KEY = 25;

/** `taken`: keys already in use (an existing file's), which imported groups must not reuse. */
export function mergeCandidates(candidates: readonly Candidate[], taken: ReadonlySet<string> = new Set()): ImportedGroup[] {
  const merged: Candidate[][] = [];
  for (const candidate of candidates) {
    const home = merged.find((parts) => parts.every((part) => compatible(part, candidate)));
    if (home) home.push(candidate);
    else merged.push([candidate]);
  }
  const used = new Set([...taken].map((key) => key.toLowerCase()));
  return (
    merged
      .map((parts) => ({ parts, base: baseKey(parts) }))
      // Groups with a Commerce Layer code claim their key first, so a name never takes a code's key.
      .sort((a, b) => Number(CODE.test(codeOf(b.parts) ?? '')) - Number(CODE.test(codeOf(a.parts) ?? '')))
      .map(({ parts, base }) => ({ key: unique(base, used), parts }))
      .sort((a, b) => a.key.toLowerCase().localeCompare(b.key.toLowerCase(), 'en'))
  );
}

function compatible(a: Candidate, b: Candidate): boolean {
  if (a.group.name !== b.group.name || a.instance.name === b.instance.name) return false;
  if (a.additive !== b.additive || !jsonEqual(a.members, b.members)) return false;
  // One platform's fields are written once for all its instances: they must be the same, absent ones too.
  if (a.instance.type === b.instance.type && !(jsonEqual(a.own, b.own) && jsonEqual(a.block?.fields ?? null, b.block?.fields ?? null))) return false;
  // Two codes would need two keys.
  const [codeA, codeB] = [codeOf([a]), codeOf([b])];
  return codeA === undefined || codeB === undefined || codeA.toLowerCase() === codeB.toLowerCase();
}

function codeOf(parts: readonly Candidate[]): string | undefined {
  const code = parts.find((part) => part.instance.type === 'commercelayer' && typeof part.group.code === 'string')?.group.code;
  return code ?? undefined;
}

function baseKey(parts: readonly Candidate[]): string {
  const code = codeOf(parts);
  if (code !== undefined && CODE.test(code)) return code;
  const slug = (parts[0]?.group.name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY)
    .replace(/-+$/, '');
  return slug === '' ? 'group' : slug;
}

/** `base`, or `base-2`, `base-3`…, shortened to fit; unique ignoring case, as Commerce Layer codes are. */
function unique(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const key = base.slice(0, MAX_KEY - suffix.length) + suffix;
    if (!taken.has(key.toLowerCase())) {
      taken.add(key.toLowerCase());
      return key;
    }
  }
}
