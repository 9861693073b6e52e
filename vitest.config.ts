import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the CLI against emulators; give them room on a 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two workers on a 2-core machine (vitest's default is one fewer than the cores: one, here), as the tests
    // spend much of their time waiting on loopback HTTP and timers. Files share a worker's loaded modules
    // (isolate: false): loading src/ once per worker, not once per file, and no test relies on a fresh module
    // graph (no vi.mock; spies are restored; the CLI's one global, process.exitCode, is restored by runCli).
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    // The JSON report lets .ci/run print a plain `N passed, N failed` line.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    // On with `--coverage` (`npm test`, the README's test command and so CI's): the summary in the log, and a
    // floor on the planner and the config checks, whose branches are the tool's decisions. Runs of the CLI as
    // a child process (bin start-up, signals, memory bounds) are not counted.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // Generated from the JSON Schema (npm run gen:types): types only.
      exclude: ['src/config/schema-types.ts'],
      reporter: ['text-summary', ['json-summary', { file: 'coverage-summary.json' }]],
      reportsDirectory: 'reports/coverage',
      // Floors at what the tests reach; raise them with tests that assert behaviour, never lower them.
      thresholds: {
        'src/plan/**': { branches: 94, lines: 99, functions: 100, statements: 98 },
        'src/config/**': { branches: 92, lines: 98.5, functions: 100, statements: 98 },
      },
    },
  },
});
