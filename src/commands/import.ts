import type { CommandModule } from 'yargs';
import type { GlobalOptions, Io } from './io.js';
import { notImplemented } from './not-implemented.js';

export function importCommand(io: Io): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'import',
    describe: 'Write a groups.yaml from the live platforms',
    handler: async () => {
      void io;
      process.exitCode = await notImplemented('import');
    },
  };
}
