// A scratch project folder for end-to-end tests: a groups.yaml (and members files) in a temp dir that the
// real CLI runs in, removed afterwards.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliResult } from './run-cli.js';

export interface Project {
  dir: string;
  /** Writes (or overwrites) a file relative to the project folder. */
  write(name: string, text: string): Promise<void>;
  /** Runs the CLI (in this process) in the project folder with exactly this environment (plus PATH, CI, NO_COLOR). */
  run(args: string[], env?: Record<string, string | undefined>, input?: string): Promise<CliResult>;
  remove(): Promise<void>;
}

export async function createProject(files: Record<string, string> = {}): Promise<Project> {
  const dir = await mkdtemp(path.join(tmpdir(), 'groupform-e2e-'));
  const project: Project = {
    dir,
    write: async (name, text) => {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    },
    run: (args, env = {}, input) => runCli(args, { cwd: dir, env, input }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(files)) await project.write(name, text);
  return project;
}
