import type { CommandModule } from 'yargs';
import type { GlobalOptions, Io } from './io.js';
import { notImplemented } from './not-implemented.js';

export function sandboxCommand(io: Io): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'sandbox',
    describe: 'Run the platform emulators on loopback until Ctrl-C',
    handler: async () => {
      void io;
      process.exitCode = await notImplemented('sandbox');
    },
  };
}
