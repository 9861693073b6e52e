// `--env-file FILE`: variables for `${VAR}` from a dotenv file. Variables already set in the environment win,
// as with dotenv, so a pipeline's secrets override a developer's file. Its values are read like any other
// environment variable (secrets among them are held apart by the config loader and never printed).
import { parseEnv } from 'node:util';
import { readBounded } from './read-bounded.js';

/** A .env file holds a few dozen lines; a larger one is a mistake (or hostile). */
const MAX_ENV_FILE_BYTES = 1024 * 1024;

/** The environment with the file's variables added under those already set. */
export async function withEnvFile(env: NodeJS.ProcessEnv, file: string, cwd: string): Promise<NodeJS.ProcessEnv> {
  const fromFile = parseEnv(await readBounded(file, cwd, MAX_ENV_FILE_BYTES, `--env-file ${file}`));
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of Object.entries(fromFile)) {
    if (merged[name] === undefined && value !== undefined) merged[name] = value;
  }
  return merged;
}
