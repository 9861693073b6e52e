// Everything a platform command needs before planning: the loaded config, the sandbox when asked for,
// one provider per configured instance, and the live state they read. Closed in a `finally` by the caller.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileProblem } from '../config/input-file.js';
import { loadConfig } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { createProvider } from '../providers/registry.js';
import type { Provider } from '../providers/provider.js';
import { Listr } from 'listr2';
import { readListOptions, type ProgressOutput } from '../apply/listr.js';
import type { Capabilities, DesiredState, Finding, LiveState, ProviderInstance } from '../model.js';
import { providerTitle } from '../render/plan-view.js';
import { startSandbox, type Sandbox } from '../emulators/sandbox.js';
import type { Io } from './io.js';
import { pointAtSandbox } from './sandbox-target.js';
import { openAuditLog, type AuditLog } from './audit-log.js';
import { ProgressBoard } from './progress-board.js';
import type { PlatformOptions } from './options.js';

export interface Workspace {
  desired: DesiredState;
  /** Config warnings (errors throw ConfigError from loadConfig). */
  findings: Finding[];
  providers: Map<string, Provider>;
  capabilities: Record<string, Capabilities>;
  /** The `--log-file` audit, when asked for. */
  audit?: AuditLog;
  /** Where each provider's calls stand, for progress lines. */
  progress: ProgressBoard;
  close(): Promise<void>;
}

export interface WorkspaceContext {
  onWait?: (message: string) => void;
  /** The progress lines' clock (ms); default Date.now. */
  now?: () => number;
}

export async function openWorkspace(options: PlatformOptions, io: Io, context: WorkspaceContext = {}): Promise<Workspace> {
  const configFile = path.resolve(io.cwd, options.config);
  let sandbox: Sandbox | undefined;
  let audit: AuditLog | undefined;
  const close = async (): Promise<void> => {
    await sandbox?.close();
    audit?.close();
  };
  try {
    if (options.sandbox) {
      // The sandbox writes its state file beside the config as it starts: a missing config must fail first.
      const problem = await stat(configFile).then((stats) => (stats.isFile() ? undefined : fileProblem({ code: 'EISDIR' })), fileProblem);
      if (problem)
        throw new ConfigError([{ severity: 'error', code: 'config-unreadable', message: `Cannot read the config file ${options.config}: ${problem}.` }]);
      sandbox = await startSandbox({
        stateFile: path.join(path.dirname(configFile), '.groupform', 'sandbox.json'),
        reset: options.sandboxReset,
      });
    }
    const env = sandbox ? { ...io.env, ...sandbox.env } : io.env;
    const { desired, findings } = await loadConfig(options.config, { env, cwd: io.cwd });
    if (sandbox) pointAtSandbox(desired.providers, sandbox.endpoints);

    if (options.logFile) audit = openAuditLog(path.resolve(io.cwd, options.logFile));
    // With --verbose, say why a run pauses: a platform's rate limit can hold it for a minute.
    const onWait = context.onWait ?? (options.verbose ? (message: string) => void io.stderr.write(`${message}\n`) : undefined);
    const providers = new Map<string, Provider>();
    const capabilities: Record<string, Capabilities> = {};
    const progress = new ProgressBoard(context.now);
    for (const instance of desired.providers) {
      const provider = createProvider(instance, { log: audit?.call, onWait, onActivity: progress.feed(instance.name) });
      providers.set(instance.name, provider);
      // Read when used: a provider may learn its limits from the platform (Commerce Layer's environment).
      Object.defineProperty(capabilities, instance.name, { get: () => provider.capabilities, enumerable: true });
    }
    // The planner compares values as each platform echoes them, so desired values are normalised once here.
    for (const group of desired.groups) {
      group.attributes = providers.get(group.provider)!.normalize(group.attributes);
    }
    return { desired, findings, providers, capabilities, progress, ...(audit ? { audit } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** How reading is shown on stderr: spinners on a terminal, a line per provider with --verbose, else nothing. */
export function readProgress(io: Io, options: { verbose?: boolean }): ProgressOutput {
  if ((io.stderr as NodeJS.WriteStream).isTTY && !io.env.CI) return 'interactive';
  return options.verbose ? 'plain' : 'silent';
}

/** Reads every provider instance concurrently; the first failure fails the read. */
export async function readLive(
  workspace: Workspace,
  options: {
    allGroups?: (provider: string) => boolean;
    only?: ReadonlySet<string>;
    progress?: ProgressOutput;
    stream?: NodeJS.WritableStream;
    /** Whether large lists may be read through bulk exports (default true; `--no-bulk`). */
    bulk?: boolean;
    /** Whether customers keep their modification times (drift classifies by them). */
    customerTimes?: boolean;
  } = {},
): Promise<LiveState[]> {
  const { desired, providers } = workspace;
  const instances = desired.providers.filter((instance) => options.only?.has(instance.name) ?? true);
  const read = (instance: ProviderInstance): Promise<LiveState> => {
    const groups = desired.groups.filter((g) => g.provider === instance.name);
    // Each address once already: the config refuses one address in two groups of a provider (no Set of a million).
    // One group's list is taken as it is: a copy of a million addresses would only be garbage.
    const lists = groups.map((g) => g.members ?? []);
    const emails = lists.length === 1 ? lists[0]! : lists.flat();
    return providers.get(instance.name)!.read({
      groups,
      emails,
      allGroups: instance.prune || (options.allGroups?.(instance.name) ?? false),
      bulk: options.bulk ?? true,
      customerTimes: options.customerTimes ?? false,
    });
  };
  const stream = options.stream;
  // A read may take minutes (a slow store, 200,000 customers): say what is being read, never on stdout.
  const title = (instance: ProviderInstance): string => `reading ${providerTitle(instance.name, desired.providers)}…`;
  if (!stream) return Promise.all(instances.map(read));
  if (options.progress !== 'interactive') {
    // In a log: a line per provider every few seconds while the read lasts, with --verbose or without.
    const stop = workspace.progress.print(stream, new Set(instances.map((instance) => instance.name)));
    try {
      return await Promise.all(
        instances.map((instance) => {
          if (options.progress === 'plain') stream.write(`${title(instance)}\n`);
          return read(instance);
        }),
      );
    } finally {
      stop();
    }
  }
  const states = new Map<string, LiveState>();
  const tasks = instances.map((instance) => ({
    title: title(instance),
    task: async (_: unknown, task: { output?: string }) => {
      // Calls done and to go, with the time left, under the spinner.
      const stop = workspace.progress.onChange((name) => {
        if (name === instance.name) task.output = workspace.progress.line(name);
      });
      try {
        states.set(instance.name, await read(instance));
      } finally {
        stop();
      }
    },
  }));
  await new Listr(tasks, readListOptions(stream)).run();
  return instances.map((instance) => states.get(instance.name)!);
}
