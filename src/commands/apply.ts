import type { CommandModule } from 'yargs';
import type { GlobalOptions, Io } from './io.js';
import { notImplemented } from './not-implemented.js';

export function applyCommand(io: Io): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'apply',
    describe: 'Make the platforms match groups.yaml',
    handler: async () => {
      void io;
      process.exitCode = await notImplemented('apply');
    },
  };
}
