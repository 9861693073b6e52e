// Shared by the config tests: where the fixtures are, the environment they expect, and loading one.
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../src/errors.js';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import type { Finding } from '../../src/model.js';

export const fixturesDir = fileURLToPath(new URL('../fixtures/config/', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The secrets the fixtures read from the environment: distinctive, so a leak is easy to spot. */
export const fixtureEnv = {
  CL_CLIENT_SECRET: 'cl-SECRET-4f9a1c',
  BC_ACCESS_TOKEN: 'bc-SECRET-7d2e8b',
  XK_API_KEY: 'xk-SECRET-93c0aa',
};

/** Loads `fixture` (relative to test/fixtures/config/<folder>) from that folder, as a user there would. */
export function loadFixture(folder: string, fixture: string, env: Record<string, string | undefined> = fixtureEnv): Promise<LoadedConfig> {
  return loadConfig(fixture, { env, cwd: fixturesDir + folder });
}

/** The findings a fixture that must fail to load carries (fails the test if it loads). */
export async function failureOf(folder: string, fixture: string, env?: Record<string, string | undefined>): Promise<Finding[]> {
  try {
    await loadFixture(folder, fixture, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.findings;
    throw error;
  }
  throw new Error(`${fixture} loaded, but it should not`);
}
