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

/** Colour only on a TTY, unless NO_COLOR is set or --no-color was given. */
export function useColor(io: Io, options: GlobalOptions): boolean {
  const stream = io.stdout as NodeJS.WriteStream;
  return options.color && Boolean(stream.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
}
