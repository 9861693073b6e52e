// One random case from a seed: a live state that the platform could hold (its own name rule kept), and a
// groups file over it — groups with and without members, `members: []`, members files, prune, ignore globs,
// pins, additive and authoritative groups, renames (swaps and rings through pins, Commerce Layer codes),
// creates into names that renames free or that unmanaged groups hold — with the config errors the file
// really has, so a refusal by the loader can be told from a bug.
import { stringify } from 'yaml';
import { seededRandom } from '../../../src/emulators/common/random.js';
import type { LiveSpec, Platform } from './platforms.js';

interface GroupSpec {
  key: string;
  name: string;
  pin?: string;
  /** Absent: memberships unmanaged. */
  members?: string[];
  membersFile?: boolean;
  membership?: 'additive' | 'authoritative';
  extra: Record<string, unknown>;
}

export interface Case {
  seed: number;
  live: LiveSpec;
  prune: boolean;
  ignore: string[];
  membership: 'additive' | 'authoritative';
  groups: GroupSpec[];
  /** The error codes the loader must report (some of them: a stage's errors stop the next stage). */
  configErrors: Set<string>;
}

const NAMES = ['VIP', 'vip', 'Vip', 'Staff', 'staff', 'Wholesale', 'Retail', 'Legacy A', 'Legacy b', 'B2B', 'b2b'];
const KEYS = ['vip', 'VIP', 'staff', 'b2b', 'wholesale', 'retail', 'legacy', 'guests'];
const IGNORES = [[], [], [], ['Legacy*'], ['*'], ['vip'], ['V*'], ['Staff', 'Legacy b']];
const PEOPLE = ['ann', 'Bob', 'CARL', 'dana', 'Eve', 'fay', 'Gus', 'hal'];

export function generate(seed: number, platform: Platform): Case {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const recase = (email: string): string => pick([email, email.toLowerCase(), email.toUpperCase()]);

  // Live groups, each name and code kept unique by the platform's own rule.
  const groups: LiveSpec['groups'] = [];
  const takenNames = new Set<string>();
  const takenCodes = new Set<string>();
  for (let n = 0, count = int(6); n < count; n++) {
    const name = pick(NAMES);
    if (platform.sameName && takenNames.has(platform.sameName(name))) continue;
    if (platform.sameName) takenNames.add(platform.sameName(name));
    let code: string | null = null;
    if (platform.type === 'commercelayer' && chance(0.7)) {
      const candidate = pick(KEYS);
      if (!takenCodes.has(candidate.toLowerCase())) {
        code = candidate;
        takenCodes.add(candidate.toLowerCase());
      }
    }
    groups.push({ n, name, code, variant: int(6) });
  }
  const customers = PEOPLE.slice(0, int(PEOPLE.length + 1)).map((person, n) => ({
    n,
    email: platform.type === 'commercelayer' ? `${person.toLowerCase()}@example.com` : `${person}@Example.com`,
    group: groups.length > 0 && chance(0.7) ? pick(groups).n : null,
  }));
  const emails = [...customers.map((c) => c.email), 'nobody@example.com'];

  const declared: GroupSpec[] = [];
  const claimed = new Set<string>();
  // Keys, names and pins that clash are config errors: kept to about one case in five.
  const usedKeys = new Set<string>();
  const free = (key: string): boolean => !usedKeys.has(key) && (![...usedKeys].some((k) => k.toLowerCase() === key.toLowerCase()) || chance(0.1));
  const newKey = (preferred?: string): string | undefined => {
    const key = preferred && free(preferred) ? preferred : KEYS.find((k) => free(k) && chance(0.5));
    if (key) usedKeys.add(key);
    return key;
  };
  const same = platform.sameName ?? ((name: string) => name);
  const freeName = (name: string): boolean => !declared.some((g) => same(g.name) === same(name)) || chance(0.1);
  const freePin = (pin: string): boolean => !declared.some((g) => g.pin === pin) || chance(0.1);
  const members = (): Pick<GroupSpec, 'members' | 'membersFile'> => {
    const roll = random();
    if (roll < 0.3) return {};
    if (roll < 0.4) return { members: [] };
    // Mostly customers no other group declares: a customer in two groups is a config error, kept rare.
    const list = shuffle(emails)
      .filter((e) => !claimed.has(e) || chance(0.1))
      .slice(0, int(4));
    for (const email of list) claimed.add(email);
    return { members: list.map(recase), ...(chance(0.2) ? { membersFile: true } : {}) };
  };
  const extra = (): Record<string, unknown> => {
    if (!chance(0.5)) return {};
    if (platform.type === 'commercelayer') return { commercelayer: { metadata: { tier: pick(['gold', 'silver']) } } };
    if (platform.type === 'bigcommerce') return { bigcommerce: { category_access: { type: pick(['all', 'none']) } } };
    return { description: pick(['Best customers', 'About VIP']) };
  };
  const group = (key: string, name: string, pin?: string): GroupSpec => ({
    key,
    name,
    ...(pin ? { pin } : {}),
    ...members(),
    ...(chance(0.3) ? { membership: pick(['additive', 'authoritative'] as const) } : {}),
    extra: extra(),
  });

  // A ring (or swap) of renames: pinned groups (or, on Commerce Layer, groups found by code) taking each other's names.
  if (groups.length >= 2 && chance(0.35)) {
    const ring = shuffle(groups).slice(0, 2 + int(Math.min(2, groups.length - 1)));
    ring.forEach((g, i) => {
      const key = newKey(g.code ?? undefined);
      const pinned = platform.type !== 'commercelayer' || g.code === null || key !== g.code;
      if (key) declared.push(group(key, ring[(i + 1) % ring.length]!.name, pinned ? platform.id(g.n) : undefined));
    });
  }
  // A rename that frees a name, and a new group that takes it (issue 16: the create must wait for the rename).
  const movable = groups.filter((g) => !declared.some((d) => d.pin === platform.id(g.n) || same(d.name) === same(g.name)));
  if (movable.length > 0 && chance(0.35)) {
    const g = pick(movable);
    const renamed = NAMES.filter(freeName).filter((name) => same(name) !== same(g.name));
    const key = newKey(g.code ?? undefined);
    const other = newKey();
    if (renamed.length > 0 && key && other) {
      const pinned = platform.type !== 'commercelayer' || key !== g.code;
      declared.push(group(key, pick(renamed), pinned ? platform.id(g.n) : undefined), group(other, g.name));
    }
  }
  for (let i = 0, count = int(5); i < count; i++) {
    const key = chance(0.4)
      ? newKey(
          pick(
            groups
              .map((g) => g.code)
              .filter((c): c is string => c !== null)
              .concat(KEYS),
          ),
        )
      : newKey();
    if (!key) continue;
    const names = (groups.length > 0 && chance(0.5) ? groups.map((g) => g.name) : NAMES).filter(freeName);
    const pins = (chance(0.3) ? groups.map((g) => platform.id(g.n)) : chance(0.05) ? [platform.id(40)] : []).filter(freePin);
    if (names.length === 0) continue;
    declared.push(group(key, pick(names), pins.length > 0 ? pick(pins) : undefined));
  }

  const configErrors = new Set<string>();
  const seen = (of: (g: GroupSpec) => string[], code: string): void => {
    const all = declared.flatMap(of);
    if (new Set(all).size < all.length) configErrors.add(code);
  };
  seen((g) => [...new Set((g.members ?? []).map((e) => e.toLowerCase()))], 'member-in-two-groups');
  if (platform.sameName) seen((g) => [platform.sameName!(g.name)], 'duplicate-group-name');
  seen((g) => (g.pin ? [g.pin] : []), 'duplicate-pin');
  if (platform.type === 'commercelayer') seen((g) => [g.key.toLowerCase()], 'duplicate-commercelayer-code');

  return {
    seed,
    live: { groups, customers },
    prune: chance(0.4),
    ignore: pick(IGNORES),
    membership: chance(0.7) ? 'authoritative' : 'additive',
    groups: declared,
    configErrors,
  };
}

/** The case's groups.yaml and members files. */
export function configFiles(c: Case, platform: Platform): Record<string, string> {
  const files: Record<string, string> = {};
  const groups = Object.fromEntries(
    c.groups.map((g) => {
      const body: Record<string, unknown> = { name: g.name, ...g.extra };
      if (g.members && g.membersFile) {
        body.members_file = `members/${g.key}.txt`;
        files[`members/${g.key}.txt`] = `# ${g.key}\n${g.members.join('\n')}\n`;
      } else if (g.members) body.members = g.members;
      if (g.membership) body.membership = g.membership;
      if (g.pin) body.ids = { p: platform.type === 'commercelayer' ? g.pin : Number(g.pin) };
      return [g.key, body];
    }),
  );
  const provider = [`  p:`, platform.providerYaml, `    prune: ${c.prune}`, `    ignore: ${JSON.stringify(c.ignore)}`].join('\n');
  const rest = stringify({ defaults: { providers: ['p'], membership: c.membership }, groups: Object.keys(groups).length ? groups : {} });
  files['groups.yaml'] = `version: 1\nproviders:\n${provider}\n${rest}`;
  return files;
}
