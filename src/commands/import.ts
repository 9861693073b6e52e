// `groupform import`: writes a groups.yaml (and members files) from the live platforms, for adopting an
// existing store. Reads only: every group of each chosen provider instance and the customers in them.
// Without a config it starts from the starter's providers for the platforms named with --provider; into an
// existing file it merges (adding what the file lacks, keeping all it has), unless --force replaces it.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { MAX_CONFIG_BYTES } from '../config/input-file.js';
import { UsageError } from '../errors.js';
import { importConfig } from '../import/index.js';
import { fileDefaults, mergeImported, parseTarget } from '../import/merge-file.js';
import { starterConfig } from '../import/starter.js';
import type { LiveState } from '../model.js';
import { matchGroups } from '../plan/identity.js';
import { formatFinding } from '../render/findings.js';
import { platformsOf, schemaReference } from './init.js';
import type { Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { readBounded } from './read-bounded.js';
import { openWorkspace, type Workspace } from './workspace.js';
import { writeAtomically } from './write-atomically.js';

export interface ImportOptions extends PlatformOptions {
  provider?: string[];
  out?: string;
}

async function runImport(given: ImportOptions, io: Io): Promise<number> {
  const options = { ...given, provider: given.provider?.flatMap((value) => value.split(',')) };
  const configFile = path.resolve(io.cwd, options.config);
  const out = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
  const hasConfig = existsSync(configFile);
  const merge = out !== undefined && existsSync(out) && !options.force;
  if (merge && (!hasConfig || out !== configFile)) {
    throw new UsageError(`${options.out} exists: import merges only into the config it reads (-c ${options.out} --out ${options.out}); --force replaces it.`);
  }
  // No config yet: the starter's providers for the platforms named, in a file beside where the config goes
  // (the sandbox keeps its state there), removed afterwards.
  const starter = hasConfig ? undefined : await writeStarter(options, configFile);
  try {
    const configText = await readBounded(starter ?? configFile, io.cwd, MAX_CONFIG_BYTES, `the config ${options.config}`);
    const workspace = await openWorkspace({ ...options, config: starter ?? options.config }, io);
    try {
      const { desired } = workspace;
      const names = desired.providers.map((instance) => instance.name);
      const unknown = hasConfig ? (options.provider ?? []).filter((name) => !names.includes(name)) : [];
      if (unknown.length > 0) throw new UsageError(`--provider ${unknown.join(', ')}: not in ${options.config}; its providers are ${names.join(', ')}.`);
      const instances = desired.providers.filter((instance) => !hasConfig || !options.provider?.length || options.provider.includes(instance.name));
      let live = await Promise.all(instances.map((instance) => workspace.providers.get(instance.name)!.read({ groups: [], emails: [], allGroups: true })));
      const target = merge ? parseTarget(configText, options.config) : undefined;
      if (merge) live = live.map((state) => undeclared(state, workspace));
      // On stdout there is no folder for members files: every member is listed inline.
      const result = importConfig({
        live,
        instances,
        configText,
        inlineMembers: out ? 50 : Infinity,
        schema: schemaReference(out ?? configFile),
        ...(target ? { takenKeys: new Set(desired.groups.map((group) => group.key)), defaultProviders: fileDefaults(target) } : {}),
      });
      for (const finding of result.findings) io.stderr.write(formatFinding(finding) + '\n');
      if (!out) {
        io.stdout.write(result.yaml);
        return 0;
      }
      const merged = target ? mergeImported(target, result.document) : undefined;
      const files = result.files.map((file) => ({ ...file, target: path.join(path.dirname(out), file.path) }));
      // A merge adds to the project, never replaces: an existing members file is the user's.
      const clash = merge ? files.find((file) => existsSync(file.target)) : undefined;
      if (clash) throw new UsageError(`${clash.path} exists; import does not overwrite it (move it, or --force).`);
      for (const file of files) {
        await mkdir(path.dirname(file.target), { recursive: true });
        await writeFile(file.target, file.content);
      }
      await writeAtomically(out, merged ? merged.text : result.yaml);
      const membersFiles = files.length > 0 ? ` and ${files.length} members file${files.length === 1 ? '' : 's'}` : '';
      io.stderr.write(
        merged
          ? `Merged into ${options.out}: ${merged.groups.length} group${merged.groups.length === 1 ? '' : 's'} added${merged.providers.length > 0 ? ` (providers ${merged.providers.join(', ')} added)` : ''}${membersFiles}; the groups it declared are kept as they were.\n`
          : `Wrote ${options.out}${membersFiles}.\n`,
      );
      return 0;
    } finally {
      await workspace.close();
    }
  } finally {
    if (starter) await rm(starter, { force: true });
  }
}

async function writeStarter(options: ImportOptions, configFile: string): Promise<string> {
  const platforms = platformsOf(options.provider ?? [], '--provider');
  if (platforms.length === 0) {
    throw new UsageError(`${options.config} does not exist: name the platforms to import with --provider (cl, bc, xk), or start one with groupform init.`);
  }
  const file = `${configFile}.import-${process.pid}.tmp`;
  await writeFile(file, starterConfig(platforms, schemaReference(configFile), path.basename(configFile)), { flag: 'wx' });
  return file;
}

/** The live state without the groups the file already declares, their customers, and customers it declares. */
function undeclared(state: LiveState, workspace: Workspace): LiveState {
  const declared = workspace.desired.groups.filter((group) => group.provider === state.provider);
  const identity = workspace.capabilities[state.provider]!.identity;
  const { claimed } = matchGroups(state.provider, declared, state.groups, identity);
  const emails = new Set(declared.flatMap((group) => group.members));
  return {
    ...state,
    groups: state.groups.filter((group) => !claimed.has(group.id)),
    customers: state.customers.filter((customer) => !(customer.groupId !== null && claimed.has(customer.groupId)) && !emails.has(customer.email.toLowerCase())),
  };
}

export function importCommand(io: Io): CommandModule<ImportOptions, ImportOptions> {
  return {
    command: 'import',
    describe: 'Write a groups.yaml from the live platforms (groups, pinned ids, members), or add them to yours',
    builder: (yargs) =>
      yargs.options({
        ...optionsFor('import'),
        provider: {
          type: 'string',
          array: true,
          requiresArg: true,
          describe: 'Import only this provider instance (repeatable); without a config, the platforms to import: cl, bc, xk',
        },
        out: {
          type: 'string',
          requiresArg: true,
          describe: 'Write the config to FILE (members files above 50 beside it, in members/); an existing config is merged into; default: stdout',
        },
        force: { type: 'boolean', default: false, describe: 'Replace an existing --out file instead of merging into it' },
      }) as unknown as Argv<ImportOptions>,
    handler: async (argv) => {
      process.exitCode = await runImport(argv, io);
    },
  };
}
