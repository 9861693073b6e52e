import type { CommandModule } from 'yargs';
import type { GlobalOptions, Io } from './io.js';
import { notImplemented } from './not-implemented.js';

export function planCommand(io: Io): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'plan',
    describe: 'Show what apply would change',
    handler: async () => {
      void io;
      process.exitCode = await notImplemented('plan');
    },
  };
}
