// A group's declared members: inline `members` then its `members_file`, each address checked, lower-cased
// and kept once, with where it was written (for findings about it later).
import type { Finding, SourcePos } from '../model.js';
import { isEmail } from './email.js';
import type { MemberLines } from './members-file.js';
import type { Positions } from './positions.js';
import { placeOf } from './place.js';

export interface GroupMembers {
  /** Lower-cased addresses, each once, in the order declared. */
  emails: string[];
  /** Where the `index`-th address was declared. */
  place(index: number): SourcePos;
}

export interface MembersSource {
  key: string;
  inline: readonly string[];
  /** The members file's lines and the path findings show for it. */
  file?: { display: string; lines: MemberLines };
}

export function collectMembers(source: MembersSource, positions: Positions): { members: GroupMembers; findings: Finding[] } {
  const { key, inline, file } = source;
  const findings: Finding[] = [];
  const emails: string[] = [];
  /** For each kept address, its index among all declared ones (inline first, then file lines). */
  const origins: number[] = [];
  const firstSeen = new Map<string, number>();
  const fileLines = file?.lines;
  const placeOfDeclared = (index: number): SourcePos =>
    index < inline.length
      ? positions.value(['groups', key, 'members', index])
      : { file: file?.display ?? '', line: fileLines?.lines[index - inline.length] ?? 1, column: fileLines?.columns[index - inline.length] ?? 1 };

  const total = inline.length + (fileLines?.texts.length ?? 0);
  for (let index = 0; index < total; index++) {
    const text = index < inline.length ? inline[index] : (fileLines?.texts[index - inline.length] ?? '');
    if (!isEmail(text)) {
      findings.push({ severity: 'error', code: 'bad-email', message: `'${text}' in group '${key}' is not a valid e-mail address.`, pos: placeOfDeclared(index) });
      continue;
    }
    const email = text.toLowerCase();
    const first = firstSeen.get(email);
    if (first !== undefined) {
      const pos = placeOfDeclared(index);
      const message = `${email} is listed twice in group '${key}' (first at ${placeOf(placeOfDeclared(first), pos)}); the repeat is ignored.`;
      findings.push({ severity: 'warning', code: 'duplicate-member', message, pos });
      continue;
    }
    firstSeen.set(email, index);
    emails.push(email);
    origins.push(index);
  }
  return { members: { emails, place: (i) => placeOfDeclared(origins[i]) }, findings };
}
