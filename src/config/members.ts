// Members, in two steps. `declareMembers`: a group's addresses as declared (inline `members`, then its
// `members_file`), lower-cased and checked. `indexMembers`: over all groups at once, each address kept once
// per group (a repeat is a warning) and, since a customer is in at most one group of a provider, an address
// in two groups of one provider is an error naming both places. One Map per provider serves both checks:
// files may hold a million addresses, so each address is hashed once per provider and arrays are reused
// rather than copied where nothing was dropped.
import { listedFindings, type Finding, type SourcePos } from '../model.js';
import { isEmail } from './email.js';
import type { MemberLines } from './members-file.js';
import { placeOf } from './place.js';
import type { Positions } from './positions.js';

/** A group's addresses as declared, repeats included. */
export interface DeclaredMembers {
  key: string;
  /** Lower-cased, inline ones first. */
  emails: readonly string[];
  /** Indexes of the addresses that are not valid (already reported). */
  invalid: ReadonlySet<number>;
  place(index: number): SourcePos;
}

/** A group's members: each address once, in declared order. */
export interface GroupMembers {
  emails: string[];
  place(index: number): SourcePos;
}

export interface MembersSource {
  key: string;
  inline: readonly string[];
  /** The members file's lines and the path findings show for it. */
  file?: { display: string; lines: MemberLines };
}

export function declareMembers(source: MembersSource, positions: Positions): { declared: DeclaredMembers; findings: Finding[] } {
  const { key, inline, file } = source;
  const fromFile = file?.lines.emails ?? [];
  const emails = inline.length === 0 ? fromFile : [...inline.map((text) => text.toLowerCase()), ...fromFile];
  const place = (index: number): SourcePos => {
    if (index < inline.length) return positions.value(['groups', key, 'members', index]);
    const line = index - inline.length;
    return { file: file?.display ?? '', line: file?.lines.lines[line] ?? 1, column: file?.lines.columns[line] ?? 1 };
  };
  const findings: Finding[] = [];
  const bad = listedFindings(findings, key);
  const invalid = new Set<number>();
  for (let index = 0; index < emails.length; index++) {
    if (isEmail(emails[index])) continue;
    invalid.add(index);
    bad.add(() => {
      // A line of a members file is not repeated: the file may be something else (.git/config, a .env).
      const message =
        index < inline.length
          ? `'${inline[index]}' in group '${key}' is not a valid e-mail address.`
          : `This line of the members_file of group '${key}' is not a valid e-mail address.`;
      return { severity: 'error', code: 'bad-email', message, pos: place(index) };
    });
  }
  bad.close();
  return { declared: { key, emails, invalid, place }, findings };
}

export function indexMembers(groups: readonly { declared: DeclaredMembers; providers: readonly string[] }[]): { members: GroupMembers[]; findings: Finding[] } {
  const findings: Finding[] = [];
  /** Per provider: address → id (start of its group + index) of the latest group that declared it. */
  const byProvider = new Map<string, Map<string, number>>();
  const starts: number[] = [];
  const members: GroupMembers[] = [];
  let start = 0;
  for (const { declared, providers } of groups) {
    starts.push(start);
    // A group on no (known) provider still gets its repeats found, in a map of its own.
    const maps = providers.length === 0 ? [new Map<string, number>()] : providers.map((provider) => mapOf(byProvider, provider));
    const { emails } = declared;
    const repeats = listedFindings(findings, declared.key);
    const conflicts = listedFindings(findings, declared.key);
    let kept: string[] | undefined; // a copy only once something is dropped
    let origins: number[] | undefined;
    for (let index = 0; index < emails.length; index++) {
      const email = emails[index];
      const previous = maps[0].get(email);
      const dropped = declared.invalid.has(index) || (previous !== undefined && previous >= start);
      if (dropped) {
        kept ??= emails.slice(0, index);
        origins ??= Array.from({ length: index }, (_, i) => i);
        if (!declared.invalid.has(index)) repeats.add(() => repeated(declared, index, previous! - start));
        continue;
      }
      kept?.push(email);
      origins?.push(index);
      let clashes: Map<number, string[]> | undefined;
      for (let m = 0; m < maps.length; m++) {
        const before = m === 0 ? previous : maps[m].get(email);
        maps[m].set(email, start + index);
        if (before === undefined) continue;
        clashes ??= new Map();
        clashes.set(before, [...(clashes.get(before) ?? []), providers[m]]);
      }
      for (const [before, on] of clashes ?? []) {
        const other = upperBound(starts, before) - 1;
        conflicts.add(() => conflict(declared, index, groups[other].declared, before - starts[other], on));
      }
    }
    repeats.close();
    conflicts.close();
    members.push({ emails: kept ?? (emails as string[]), place: placeOfKept(declared, origins) });
    start += emails.length;
  }
  return { members, findings };
}

/**
 * Where the `i`-th kept address was declared. Made out here, not in indexMembers: a closure there would hold
 * its whole scope, the per-provider Maps of every address (tens of MB at a million) included, for as long as
 * the desired state lives.
 */
function placeOfKept(declared: DeclaredMembers, origins: readonly number[] | undefined): (index: number) => SourcePos {
  return (index) => declared.place(origins ? origins[index]! : index);
}

function repeated(group: DeclaredMembers, index: number, first: number): Finding {
  const pos = group.place(index);
  const message = `${group.emails[index]} is listed twice in group '${group.key}' (first at ${placeOf(group.place(first), pos)}); the repeat is ignored.`;
  return { severity: 'warning', code: 'duplicate-member', message, pos };
}

function conflict(group: DeclaredMembers, index: number, other: DeclaredMembers, otherIndex: number, providers: string[]): Finding {
  const pos = group.place(index);
  const on = providers.length === 1 ? `provider '${providers[0]}'` : `providers ${providers.map((p) => `'${p}'`).join(' and ')}`;
  const where = placeOf(other.place(otherIndex), pos);
  const message = `${group.emails[index]} is in group '${group.key}' and in group '${other.key}' (${where}), both on ${on}; a customer can be in only one group of a provider.`;
  return { severity: 'error', code: 'member-in-two-groups', message, pos };
}

function mapOf(maps: Map<string, Map<string, number>>, provider: string): Map<string, number> {
  let map = maps.get(provider);
  if (!map) maps.set(provider, (map = new Map()));
  return map;
}

/** The index of the first element greater than `value` in an ascending array. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
