// Preloaded (`--import`) into every process that runs a case or an emulator: see compiled-hooks.ts.
import { register } from 'node:module';

register('./compiled-hooks.ts', import.meta.url);
