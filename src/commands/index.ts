// The registry of commands: one module per command, each lazy-importing its handler.
import type { CommandModule } from 'yargs';
import type { Io } from './io.js';
import { validateCommand } from './validate.js';
import { planCommand } from './plan.js';
import { applyCommand } from './apply.js';
import { driftCommand } from './drift.js';
import { importCommand } from './import.js';
import { sandboxCommand } from './sandbox.js';
import { showCommand } from './show.js';
import { initCommand } from './init.js';

// yargs' CommandModule is invariant in its argument types; the list holds modules of different options.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function commands(io: Io): CommandModule<any, any>[] {
  return [initCommand(io), validateCommand(io), planCommand(io), showCommand(io), applyCommand(io), driftCommand(io), importCommand(io), sandboxCommand(io)];
}
