// Per declared group: the providers it lives on and its members (inline and from its members_file).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../model.js';
import { collectMembers } from './members.js';
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
  /** The bytes of each members file read, in first-use order (for the config hash). */
  memberFiles: Buffer[];
}

interface ReadFile {
  display: string;
  lines?: MemberLines;
  bytes?: Buffer;
  failure?: string;
}

export async function gatherGroups(config: GroupsConfig, positions: Positions, where: FileLocation): Promise<GatheredGroups> {
  const findings: Finding[] = [];
  const files = new Map<string, Promise<ReadFile>>();
  const memberFiles: Buffer[] = [];
  const groups: GroupInfo[] = [];
  const declared = Object.keys(config.providers);
  for (const [key, group] of Object.entries(config.groups ?? {})) {
    let file: ReadFile | undefined;
    if (group.members_file !== undefined) {
      const display = path.join(path.dirname(where.configFile), group.members_file);
      const absolute = path.resolve(where.cwd, display);
      const first = !files.has(absolute);
      if (first) files.set(absolute, readMembersFile(absolute, display));
      file = await files.get(absolute);
      if (first && file?.bytes) memberFiles.push(file.bytes);
      if (file?.failure) {
        const message = `The members_file '${group.members_file}' of group '${key}' cannot be read (${display}): ${file.failure}.`;
        findings.push({ severity: 'error', code: 'members-file-unreadable', message, pos: positions.value(['groups', key, 'members_file']) });
      }
    }
    const collected = collectMembers({ key, inline: group.members ?? [], file: file?.lines && { display: file.display, lines: file.lines } }, positions);
    findings.push(...collected.findings);
    const providers = (group.providers ?? config.defaults?.providers ?? []).filter((name) => declared.includes(name));
    groups.push({ key, config: group, providers, members: collected.members });
  }
  return { groups, findings, memberFiles };
}

async function readMembersFile(absolute: string, display: string): Promise<ReadFile> {
  try {
    const bytes = await readFile(absolute);
    return { display, bytes, lines: splitMemberLines(bytes.toString('utf8')) };
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
