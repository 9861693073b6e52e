// Per declared group: the providers it lives on and its members (inline and from its members_file).
import type { Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../model.js';
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
  failure?: string;
}

/** Reads each members file once, feeding its bytes to `hash` in first-use order. */
export async function gatherGroups(config: GroupsConfig, positions: Positions, where: FileLocation, hash: Hash): Promise<GatheredGroups> {
  let findings: Finding[] = [];
  const files = new Map<string, Promise<ReadFile>>();
  const declared: { declared: DeclaredMembers; providers: string[] }[] = [];
  const known = Object.keys(config.providers);
  for (const [key, group] of Object.entries(config.groups ?? {})) {
    let file: ReadFile | undefined;
    if (group.members_file !== undefined) {
      const display = path.join(path.dirname(where.configFile), group.members_file);
      const absolute = path.resolve(where.cwd, display);
      if (!files.has(absolute)) files.set(absolute, readMembersFile(absolute, display, hash));
      file = await files.get(absolute);
      if (file?.failure) {
        const shownPath = display === group.members_file ? '' : ` (${display})`;
        const message = `The members_file '${group.members_file}' of group '${key}' cannot be read${shownPath}: ${file.failure}.`;
        findings.push({ severity: 'error', code: 'members-file-unreadable', message, pos: positions.value(['groups', key, 'members_file']) });
      }
    }
    const result = declareMembers({ key, inline: group.members ?? [], file: file?.lines && { display: file.display, lines: file.lines } }, positions);
    findings = findings.concat(result.findings); // not push(...): a file may hold a million bad lines
    const providers = (group.providers ?? config.defaults?.providers ?? []).filter((name) => known.includes(name));
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

async function readMembersFile(absolute: string, display: string, hash: Hash): Promise<ReadFile> {
  try {
    const bytes = await readFile(absolute);
    hash.update(bytes);
    return { display, lines: splitMemberLines(bytes.toString('utf8')) };
  } catch (error) {
    return { display, failure: fileProblem(error) };
  }
}

/** A file system error in plain words. */
export function fileProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
