// `groupform import`: writes a groups.yaml (and members files) from the live platforms, for adopting an
// existing store. Reads only: every group of each chosen provider instance and the customers in them.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { MAX_CONFIG_BYTES } from '../config/input-file.js';
import { UsageError } from '../errors.js';
import { importConfig } from '../import/index.js';
import { formatFinding } from '../render/findings.js';
import type { Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { readBounded } from './read-bounded.js';
import { openWorkspace } from './workspace.js';

export interface ImportOptions extends PlatformOptions {
  provider?: string[];
  out?: string;
}

export async function runImport(options: ImportOptions, io: Io): Promise<number> {
  const workspace = await openWorkspace(options, io);
  try {
    const { desired } = workspace;
    const names = desired.providers.map((instance) => instance.name);
    const unknown = (options.provider ?? []).filter((name) => !names.includes(name));
    if (unknown.length > 0) throw new UsageError(`--provider ${unknown.join(', ')}: not in ${options.config}; its providers are ${names.join(', ')}.`);
    const instances = desired.providers.filter((instance) => !options.provider?.length || options.provider.includes(instance.name));
    const live = await Promise.all(instances.map((instance) =>
      workspace.providers.get(instance.name)!.read({ groups: [], emails: [], allGroups: true })));
    const configText = await readBounded(options.config, io.cwd, MAX_CONFIG_BYTES, `the config ${options.config}`);
    // On stdout there is no folder for members files: every member is listed inline.
    const result = importConfig({ live, instances, configText, inlineMembers: options.out ? 50 : Infinity });
    for (const finding of result.findings) io.stderr.write(formatFinding(finding) + '\n');
    if (!options.out) {
      io.stdout.write(result.yaml);
      return 0;
    }
    const out = path.resolve(io.cwd, options.out);
    for (const file of result.files) {
      const target = path.join(path.dirname(out), file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    await writeFile(out, result.yaml);
    io.stderr.write(`Wrote ${options.out}${result.files.length > 0 ? ` and ${result.files.length} members file${result.files.length === 1 ? '' : 's'}` : ''}.\n`);
    return 0;
  } finally {
    await workspace.close();
  }
}

export function importCommand(io: Io): CommandModule<ImportOptions, ImportOptions> {
  return {
    command: 'import',
    describe: 'Write a groups.yaml from the live platforms (groups, pinned ids, members)',
    builder: (yargs) =>
      yargs.options({
        ...optionsFor('import'),
        provider: { type: 'string', requiresArg: true, array: true, describe: 'Import only this provider instance (repeatable); default: all' },
        out: { type: 'string', requiresArg: true, describe: 'Write the config to FILE (members files above 50 beside it, in members/); default: stdout' },
      }) as unknown as Argv<ImportOptions>,
    handler: async (argv) => {
      process.exitCode = await runImport(argv, io);
    },
  };
}
