// When the config last changed in git: the commit time of the last commit touching the config file or one of
// its members files. Null outside a git repository, or when git is missing or the files were never committed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';

/** The config file and the members files it names (relative paths resolved against the config's folder). */
export function configSources(configFile: string, configText: string): string[] {
  let data: unknown;
  try {
    data = parse(configText);
  } catch {
    return [configFile];
  }
  const groups = (data as { groups?: Record<string, { members_file?: unknown }> } | null)?.groups ?? {};
  const files = Object.values(groups).flatMap((group) =>
    typeof group?.members_file === 'string' ? [path.join(path.dirname(configFile), group.members_file)] : [],
  );
  return [configFile, ...new Set(files)];
}

/** The last commit touching `files` (absolute or relative to `cwd`): its hash and ISO 8601 time, or null. */
export function lastCommit(files: readonly string[], cwd: string): Promise<{ hash: string; time: string } | null> {
  return new Promise((resolve) => {
    execFile('git', ['log', '-1', '--format=%H %cI', '--', ...files], { cwd }, (error, stdout) => {
      const [hash = '', time = ''] = error ? [] : stdout.trim().split(' ');
      resolve(/^[0-9a-f]{40,64}$/.test(hash) && !Number.isNaN(Date.parse(time)) ? { hash, time: new Date(time).toISOString() } : null);
    });
  });
}

/** ISO 8601 commit time, or null. `files` are absolute or relative to `cwd`. */
export async function lastCommitTime(files: readonly string[], cwd: string): Promise<string | null> {
  return (await lastCommit(files, cwd))?.time ?? null;
}
