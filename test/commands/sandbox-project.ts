// End-to-end set-up for the GitOps commands: the platform emulators started in this process (loopback, any
// free ports, no rate limits, in memory), a project folder with a groups.yaml, and the real CLI run against
// them with the sandbox's environment. Tests change the platforms out of band through `/_emulator/state`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../../src/emulators/sandbox.js';
import type { CliResult } from '../helpers/run-cli.js';
import { createProject, type Project } from '../helpers/e2e.js';

export type Platform = 'commercelayer' | 'bigcommerce' | 'xtrakit';

export interface SandboxProject {
  project: Project;
  sandbox: Sandbox;
  run(args: string[]): Promise<CliResult>;
  /** The platform's whole state, as `GET /_emulator/state` returns it. */
  state<T = Record<string, unknown>>(platform: Platform): Promise<T>;
  setState(platform: Platform, state: unknown): Promise<void>;
  close(): Promise<void>;
}

/** The repository's own groups.yaml: the sandbox seed is this merchant, drifted from it. */
export const repoConfig = (): Promise<string> => readFile(fileURLToPath(new URL('../../groups.yaml', import.meta.url)), 'utf8');

/** `seed`: the platforms' starting state (a sandbox state document); default: the bundled seed. */
export async function sandboxProject(files: Record<string, string>, options: { seed?: object } = {}): Promise<SandboxProject> {
  const project = await createProject(options.seed ? { ...files, 'seed.json': JSON.stringify(options.seed) } : files);
  const sandbox = await startSandbox({ rateLimits: false, ...(options.seed ? { seedFile: path.join(project.dir, 'seed.json') } : {}) });
  const url = (platform: Platform): string => `${sandbox.endpoints[platform].baseUrl}/_emulator/state`;
  return {
    project,
    sandbox,
    run: (args) => project.run(args, sandbox.env),
    state: async <T>(platform: Platform) => (await (await fetch(url(platform))).json()) as T,
    setState: async (platform, state) => {
      const response = await fetch(url(platform), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });
      if (!response.ok) throw new Error(`PUT ${url(platform)}: ${response.status} ${await response.text()}`);
    },
    close: async () => {
      await sandbox.close();
      await project.remove();
    },
  };
}
