// A git repository in a test's project folder, with its files committed at a set time (drift classifies
// items by the config's last commit; the HTML reports show it).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function commitFiles(dir: string, files: readonly string[], when: string): Promise<void> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_DATE: when,
  };
  await run('git', ['init', '-q'], { cwd: dir, env });
  await run('git', ['add', ...files], { cwd: dir, env });
  await run('git', ['commit', '-q', '-m', 'groups'], { cwd: dir, env });
}
