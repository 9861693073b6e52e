// `groupform init`: a commented starter groups.yaml for the chosen platforms, with the `$schema` line that
// gives editors completion and hover help. Never overwrites a file unless --force.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { ProviderType } from '../model.js';
import { STARTER_NAMES, starterConfig } from '../import/starter.js';
import type { GlobalOptions, Io } from './io.js';
import { writeAtomically } from './write-atomically.js';

export interface InitOptions extends GlobalOptions {
  providers: string[];
  force: boolean;
}

const SCHEMA = fileURLToPath(new URL('../../schemas/groups.schema.json', import.meta.url));

/** `cl`, `commercelayer`, … → the platform; lists may be repeated or comma-separated. */
export function platformsOf(specs: readonly string[], flag: string): ProviderType[] {
  const byName = new Map<string, ProviderType>();
  for (const [type, name] of Object.entries(STARTER_NAMES) as [ProviderType, string][]) byName.set(name, type).set(type, type);
  const platforms: ProviderType[] = [];
  for (const spec of specs.flatMap((value) => value.split(',')).map((value) => value.trim().toLowerCase())) {
    const platform = byName.get(spec);
    if (!platform) throw new UsageError(`${flag} ${spec}: name a platform: cl (commercelayer), bc (bigcommerce) or xk (xtrakit).`);
    if (!platforms.includes(platform)) platforms.push(platform);
  }
  return platforms;
}

/** The `$schema` reference for a config at `configFile`: the package's schema, relative to the file. */
export function schemaReference(configFile: string): string {
  const relative = path.relative(path.dirname(configFile), SCHEMA).split(path.sep).join('/');
  return relative.startsWith('.') || path.isAbsolute(relative) ? relative : `./${relative}`;
}

async function runInit(options: InitOptions, io: Io): Promise<number> {
  const platforms = platformsOf(options.providers, '--providers');
  if (platforms.length === 0) throw new UsageError('--providers: name at least one platform: cl, bc or xk.');
  const target = path.resolve(io.cwd, options.config);
  const text = starterConfig(platforms, schemaReference(target), path.basename(target));
  if (options.force) {
    await writeAtomically(target, text);
  } else {
    // `wx`: refuse an existing file even if it appears between a check and the write.
    await writeFile(target, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new UsageError(`${options.config} already exists; groupform init does not overwrite it (--force to replace it).`);
      throw new UsageError(`Cannot write ${options.config}: ${error.message}`, { cause: error });
    });
  }
  const names = platforms.map((platform) => STARTER_NAMES[platform]).join(', ');
  io.stderr.write(
    `Wrote ${options.config} for ${names}. Set the variables it names (or put them in .env and pass --env-file .env), then run groupform validate.\n`,
  );
  return 0;
}

export function initCommand(io: Io): CommandModule<GlobalOptions, InitOptions> {
  return {
    command: 'init',
    describe: 'Write a commented starter groups.yaml for your platforms',
    builder: (yargs) =>
      yargs.options({
        providers: {
          type: 'string',
          array: true,
          requiresArg: true,
          default: ['cl,bc,xk'],
          describe: 'The platforms: cl (Commerce Layer), bc (BigCommerce), xk (Xtrakit); comma-separated or repeated',
        },
        force: { type: 'boolean', default: false, describe: 'Replace the file if it exists' },
      }) as unknown as Argv<InitOptions>,
    handler: async (argv) => {
      process.exitCode = await runInit(argv, io);
    },
  };
}
