// Per declared group: the providers it lives on and its members (inline and from its members_file).
import type { Hash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, SourcePos } from '../model.js';
import { badUtf8Byte, fileProblem, MAX_MEMBERS_FILE_ADDRESSES, MAX_MEMBERS_FILE_BYTES, notUtf8Message, readInputFile } from './input-file.js';
import { declareMembers, indexMembers, type DeclaredMembers } from './members.js';
import { splitMemberLines, type MemberLines } from './members-file.js';
import type { Positions } from './positions.js';
import type { GroupInfo } from './rules/index.js';
import type { GroupsConfig } from './schema-types.js';

export interface FileLocation {
  /** The config file as the user gave it (findings show paths relative to it the same way). */
  configFile: string;
  /** Where relative paths start from. */
  cwd: string;
}

export interface GatheredGroups {
  groups: GroupInfo[];
  findings: Finding[];
}

interface ReadFile {
  display: string;
  lines?: MemberLines;
  /** Why the file was not read, said after "The members_file 'x' of group 'y' ". */
  failure?: string;
  /** Where the file is not UTF-8. */
  badByte?: SourcePos;
}

/** Where a group lives unless it says `providers`: `defaults.providers`, else the one provider of a file that has one. */
export function defaultProviders(config: GroupsConfig): string[] | undefined {
  const names = Object.keys(config.providers);
  return config.defaults?.providers ?? (names.length === 1 ? names : undefined);
}

/** Reads each members file once, feeding its bytes to `hash` in first-use order. */
export async function gatherGroups(config: GroupsConfig, positions: Positions, where: FileLocation, hash: Hash): Promise<GatheredGroups> {
  let findings: Finding[] = [];
  const files = new Map<string, Promise<ReadFile>>();
  const declared: { declared: DeclaredMembers; providers: string[] }[] = [];
  const known = Object.keys(config.providers);
  let folder: Promise<string> | undefined;
  for (const [key, group] of Object.entries(config.groups ?? {})) {
    let file: ReadFile | undefined;
    if (group.members_file !== undefined) {
      const display = path.join(path.dirname(where.configFile), group.members_file);
      const absolute = path.resolve(where.cwd, display);
      folder ??= realpath(path.resolve(where.cwd, path.dirname(where.configFile)));
      if (!files.has(absolute)) files.set(absolute, readMembersFile(group.members_file, absolute, await folder, display, hash));
      file = await files.get(absolute);
      const pos = positions.value(['groups', key, 'members_file']);
      if (file?.failure) {
        const shownPath = display === group.members_file || path.isAbsolute(group.members_file) ? '' : ` (${display})`;
        const message = `The members_file '${group.members_file}' of group '${key}'${shownPath} ${file.failure}.`;
        findings.push({ severity: 'error', code: 'members-file-unreadable', message, pos });
      } else if (file?.badByte) {
        findings.push({ severity: 'error', code: 'not-utf8', message: notUtf8Message(`The members_file of group '${key}'`), pos: file.badByte });
      }
    }
    const result = declareMembers({ key, inline: group.members ?? [], file: file?.lines && { display: file.display, lines: file.lines } }, positions);
    findings = findings.concat(result.findings); // not push(...): a file may hold a million bad lines
    const providers = (group.providers ?? defaultProviders(config) ?? []).filter((name) => known.includes(name));
    declared.push({ declared: result.declared, providers });
  }
  const indexed = indexMembers(declared);
  findings = findings.concat(indexed.findings);
  const groups = Object.entries(config.groups ?? {}).map(([key, group], i): GroupInfo => ({
    key,
    config: group,
    providers: declared[i].providers,
    members: group.members === undefined && group.members_file === undefined ? null : indexed.members[i],
  }));
  return { groups, findings };
}

/**
 * A members file comes with the config, often from a pull request: it must be a regular file inside the
 * config's folder once symbolic links are followed, so that it cannot name /etc/passwd, /proc/self/environ or
 * /dev/zero. Nothing of its text reaches a message.
 */
async function readMembersFile(written: string, absolute: string, folder: string, display: string, hash: Hash): Promise<ReadFile> {
  const outside = { display, failure: "is outside the config's folder (symbolic links followed); a members file must be in that folder or below it" };
  // As written first, so that whether a file exists outside the folder is not given away.
  if (path.isAbsolute(written) || !isInside(folder, path.resolve(folder, written))) return outside;
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    return { display, failure: `cannot be read: ${fileProblem(error)}` };
  }
  if (!isInside(folder, real)) return outside;
  const read = await readInputFile(real, MAX_MEMBERS_FILE_BYTES);
  if (!read.bytes) return { display, failure: `cannot be read: ${read.problem}` };
  hash.update(read.bytes);
  const badByte = badUtf8Byte(read.bytes, display);
  if (badByte) return { display, badByte };
  const lines = splitMemberLines(read.bytes, MAX_MEMBERS_FILE_ADDRESSES);
  if (!lines)
    return {
      display,
      failure: `has more than ${MAX_MEMBERS_FILE_ADDRESSES.toLocaleString('en-US')} lines that are not blank or comments, more than groupform reads`,
    };
  return { display, lines };
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
