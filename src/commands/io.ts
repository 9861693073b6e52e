// What a command handler may touch of the outside world, passed in so tests can call handlers directly.
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Whether a person is at the terminal (prompts, colour, listr2's interactive renderer). */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Options every command accepts. */
export interface GlobalOptions {
  config: string;
  color: boolean;
  verbose: boolean;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY) && !process.env.CI,
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Colour: never with --no-color; as FORCE_COLOR says when it is set (CI logs show colour but are no TTY; `0`
 * or `false` turn it off, as in Node); else only on a TTY, and not when NO_COLOR is set.
 */
export function useColor(io: Io, options: GlobalOptions): boolean {
  if (!options.color) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  const stream = io.stdout as NodeJS.WriteStream;
  return Boolean(stream.isTTY) && !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '');
}
