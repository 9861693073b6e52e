import type { Argv, CommandModule } from 'yargs';
import path from 'node:path';
import type { GlobalOptions, Io } from './io.js';
import { startSandbox, type Sandbox } from '../emulators/sandbox.js';
import type { GroupDeletionPolicy } from '../emulators/commercelayer/index.js';
import { PID_VARIABLE, startInBackground } from './sandbox-background.js';

export interface SandboxCommandOptions extends GlobalOptions {
  state?: string;
  reset: boolean;
  port?: number;
  latencyMs: number;
  faultRate: number;
  rateLimits: boolean;
  clGroupDeletion: GroupDeletionPolicy;
  env: boolean;
  foreground: boolean;
}

/**
 * `groupform sandbox`: the emulators until Ctrl-C, with where to reach them and what they accept. With --env
 * they run in the background and the command returns, for `eval "$(groupform sandbox --env)"`.
 */
async function runSandbox(options: SandboxCommandOptions, io: Io, stop: Promise<void> = untilSignal()): Promise<number> {
  if (options.env && !options.foreground) {
    io.stdout.write(await startInBackground(forwarded(options), io.cwd, io.env));
    return 0;
  }
  const sandbox = await startSandbox({
    stateFile: options.state ? path.resolve(io.cwd, options.state) : undefined,
    reset: options.reset,
    port: options.port,
    latencyMs: options.latencyMs,
    faultRate: options.faultRate,
    rateLimits: options.rateLimits,
    clGroupDeletion: options.clGroupDeletion,
  });
  try {
    io.stdout.write(options.env ? envLines(sandbox) : describe(sandbox));
    if (!options.env) io.stderr.write('Sandbox running; press Ctrl-C to stop.\n');
    await stop;
  } finally {
    await sandbox.close();
  }
  return 0;
}

function describe(sandbox: Sandbox): string {
  const { commercelayer: cl, bigcommerce: bc, xtrakit: xk } = sandbox.endpoints;
  const lines = [
    `commercelayer  ${cl.baseUrl}  auth_url ${cl.authUrl}  client_id ${cl.clientId}  client_secret ${cl.clientSecret}`,
    ...bc.stores.map((s) => `bigcommerce    ${bc.baseUrl}  store_hash ${s.storeHash}  access_token ${s.accessToken}`),
    `xtrakit        ${xk.baseUrl}  api_key ${xk.apiKey}`,
  ];
  return lines.join('\n') + '\n';
}

/** The variables, then this process's id, which tells a parent waiting for the lines that they are all there. */
function envLines(sandbox: Sandbox): string {
  const lines = Object.entries(sandbox.env).map(([name, value]) => `export ${name}=${value}`);
  return [...lines, `export ${PID_VARIABLE}=${process.pid}`].join('\n') + '\n';
}

/** The options the background sandbox is started with, as flags (it runs in the same folder). */
function forwarded(options: SandboxCommandOptions): string[] {
  return [
    ...(options.state ? ['--state', options.state] : []),
    ...(options.reset ? ['--reset'] : []),
    ...(options.port !== undefined ? ['--port', String(options.port)] : []),
    '--latency-ms',
    String(options.latencyMs),
    '--fault-rate',
    String(options.faultRate),
    ...(options.rateLimits ? [] : ['--no-rate-limits']),
    '--cl-group-deletion',
    options.clGroupDeletion,
  ];
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export function sandboxCommand(io: Io): CommandModule<GlobalOptions, SandboxCommandOptions> {
  return {
    command: 'sandbox',
    describe: 'Run the platform emulators on loopback until Ctrl-C',
    builder: (yargs) =>
      yargs.options({
        state: { type: 'string', requiresArg: true, describe: "Persist the emulators' state to this JSON file (seeded from the bundled sandbox state)" },
        reset: { type: 'boolean', default: false, describe: 'Start from the seed even if the state file exists' },
        port: { type: 'number', requiresArg: true, describe: 'First port (Commerce Layer); BigCommerce and Xtrakit take the next two. Default: free ports' },
        'latency-ms': { type: 'number', requiresArg: true, default: 0, describe: 'Delay added to every response' },
        'fault-rate': { type: 'number', requiresArg: true, default: 0, describe: 'Share (0..1) of requests answered with a 500 or a reset connection' },
        'rate-limits': { type: 'boolean', default: true, describe: "Enforce the platforms' documented rate limits (--no-rate-limits to lift them)" },
        'cl-group-deletion': {
          choices: ['unassign', 'lock'] as const,
          default: 'unassign' as const,
          describe: 'What deleting a Commerce Layer group that still has customers does, which CL does not document: unassign them, or refuse with 423 Locked',
        },
        env: {
          type: 'boolean',
          default: false,
          describe:
            'Start the emulators in the background and print `export VAR=…` lines for the example configs, for eval "$(groupform sandbox --env)"; stop them with kill $GROUPFORM_SANDBOX_PID',
        },
        foreground: { type: 'boolean', default: false, describe: 'With --env: print the lines and keep the emulators in the foreground until Ctrl-C' },
      }) as unknown as Argv<SandboxCommandOptions>,
    handler: async (argv) => {
      process.exitCode = await runSandbox(argv, io);
    },
  };
}
