import type { CommandModule } from 'yargs';
import type { GlobalOptions, Io } from './io.js';
import { notImplemented } from './not-implemented.js';

export function driftCommand(io: Io): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'drift',
    describe: 'Report where the platforms differ from groups.yaml (read-only)',
    handler: async () => {
      void io;
      process.exitCode = await notImplemented('drift');
    },
  };
}
