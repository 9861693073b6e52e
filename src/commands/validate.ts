import type { CommandModule } from 'yargs';
import type { GlobalOptions, Io } from './io.js';
import { notImplemented } from './not-implemented.js';

export function validateCommand(io: Io): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'validate',
    describe: 'Check groups.yaml without calling any platform',
    handler: async () => {
      void io;
      process.exitCode = await notImplemented('validate');
    },
  };
}
