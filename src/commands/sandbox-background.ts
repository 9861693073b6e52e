// `groupform sandbox --env`: for `eval "$(groupform sandbox --env)"`, which waits for the command to end. The
// emulators run in a detached background process (`sandbox --env --foreground`); this command relays its
// `export` lines once they are all written, adds how to stop it, and returns.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GroupformError } from '../errors.js';

/** The variable holding the background sandbox's process id: `kill $GROUPFORM_SANDBOX_PID` stops it. */
export const PID_VARIABLE = 'GROUPFORM_SANDBOX_PID';

/** Starting three loopback servers takes well under a second; this bounds a child that never answers. */
const START_TIMEOUT_MS = 30_000;

const bin = fileURLToPath(new URL('../../bin/groupform.js', import.meta.url));

/** Starts `groupform sandbox --env --foreground ARGS` detached; resolves to its export lines and stop hint. */
export function startInBackground(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'sandbox', '--env', '--foreground', ...args], {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(`the sandbox did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new GroupformError('sandbox-start', `${why}${err.trim() ? `: ${err.trim()}` : ''}`));
    };
    child.on('error', (error) => fail(`cannot start the sandbox (${error.message})`));
    child.on('exit', (code) => fail(`the sandbox exited with code ${code} before it was ready`));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      // The child writes its process id last: everything is printed.
      if (!new RegExp(`^export ${PID_VARIABLE}=\\d+$`, 'm').test(out)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      resolve(`${out}# The sandbox runs in the background (process ${child.pid}); stop it with: kill $${PID_VARIABLE}\n`);
    });
  });
}
