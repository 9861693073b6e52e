// Module hooks for a case's process: every module of src/ is loaded from dist/, as tsc built it for users.
// tsx compiles with esbuild's keepNames, which wraps every function it creates in a naming helper: that
// made the planner 1.7 and the emulators 2 times slower than the shipped code, so figures taken through tsx
// would not be groupform's. The bench's own files still run through tsx.
import { readFile } from 'node:fs/promises';
import type { LoadHook, ResolveHook } from 'node:module';

const root = new URL('../../', import.meta.url).href;
const SRC = `${root}src/`;
const DIST = `${root}dist/`;

export const resolve: ResolveHook = async (specifier, context, next) => {
  const resolved = await next(specifier, context);
  if (!resolved.url.startsWith(SRC)) return resolved;
  return { url: DIST + resolved.url.slice(SRC.length).replace(/\.ts$/, '.js'), format: 'module', shortCircuit: true };
};

// Loaded as is, so that no later loader (tsx) transforms the compiled code again.
export const load: LoadHook = async (url, context, next) => {
  if (!url.startsWith(DIST)) return next(url, context);
  return { format: 'module', source: await readFile(new URL(url)), shortCircuit: true };
};
