// `groupform drift`: read-only, for cron. Plans against the live platforms without ever applying (this path
// imports no apply code), classifies each item by modification times against the config's last commit,
// silences what the baseline acknowledges, and exits 0 in sync, 2 on drift, 1 on error.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { parseBaseline, matchBaseline } from '../drift/baseline.js';
import { classifyDrift } from '../drift/classify.js';
import { configSources, lastCommitTime } from '../drift/git-time.js';
import { buildDriftReport, type DriftReport } from '../drift/report.js';
import { MAX_CONFIG_BYTES } from '../config/input-file.js';
import { ConfigError, UsageError } from '../errors.js';
import { plan as diff } from '../plan/plan.js';
import { renderDriftJson, renderDriftMarkdown, renderDriftText } from '../render/drift.js';
import { maskKey, type Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { readBounded } from './read-bounded.js';
import { resolveTargets } from './target-option.js';
import { openWorkspace, readLive, readProgress } from './workspace.js';

export interface DriftOptions extends PlatformOptions {
  /** One file or several (`--report drift.md --report drift.json`: the issue body and the full report). */
  report?: string | string[];
  baseline?: string;
}

export const EXIT_DRIFT = 2;

export async function runDrift(options: DriftOptions, io: Io, today: string = new Date().toISOString().slice(0, 10)): Promise<number> {
  const reports = [options.report ?? []].flat().map((file) => ({ file, format: formatOf(file) }));
  const baseline = options.baseline === undefined ? undefined : await loadBaseline(options.baseline, io);
  const workspace = await openWorkspace(options, io);
  let report: DriftReport;
  try {
    const targets = resolveTargets(options.target ?? [], workspace.desired);
    const only = targets.length > 0 ? new Set(targets.map((target) => target.provider)) : undefined;
    const live = await readLive(workspace, { only, progress: readProgress(io, options), stream: io.stderr });
    // Safety limits guard writes; a report of drift has none to guard.
    const plan = diff(workspace.desired, live, { capabilities: workspace.capabilities, force: true, strict: options.strict, targets });
    const configFile = path.resolve(io.cwd, options.config);
    const configText = await readBounded(options.config, io.cwd, MAX_CONFIG_BYTES, `the config ${options.config}`);
    const configChangedAt = await lastCommitTime(configSources(configFile, configText), path.dirname(configFile));
    const match = matchBaseline(classifyDrift(plan, live, configChangedAt), baseline ?? [], today, maskKey(io));
    report = buildDriftReport(match, configChangedAt, [...workspace.findings, ...plan.findings]);
  } finally {
    await workspace.close();
  }
  // A Markdown report is cut to fit an issue body; it points at a JSON report written beside it, which is whole.
  const fullReport = reports.find((r) => r.format === 'json')?.file;
  const render = { maskEmails: options.maskEmails, maskKey: maskKey(io), baselineFile: options.baseline, fullReport };
  for (const { file, format } of reports) {
    await writeFile(path.resolve(io.cwd, file), format === 'json' ? renderDriftJson(report) : renderDriftMarkdown(report, render));
  }
  io.stdout.write(
    options.format === 'json' ? renderDriftJson(report) : options.format === 'markdown' ? renderDriftMarkdown(report, render) : renderDriftText(report, render),
  );
  if (report.findings.some((finding) => finding.severity === 'error')) return 1;
  return report.inSync ? 0 : EXIT_DRIFT;
}

function formatOf(file: string): 'json' | 'markdown' {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  throw new UsageError(`--report ${file}: the report's format comes from its extension: .json or .md.`);
}

async function loadBaseline(file: string, io: Io) {
  // A baseline is a hand-kept YAML file, as the config is.
  const text = await readBounded(file, io.cwd, MAX_CONFIG_BYTES, `the baseline ${file}`);
  const { entries, findings } = parseBaseline(text, file);
  if (findings.length > 0) throw new ConfigError(findings);
  return entries;
}

export function driftCommand(io: Io): CommandModule<DriftOptions, DriftOptions> {
  return {
    command: 'drift',
    describe: 'Report where the platforms differ from groups.yaml (read-only; exit 0 in sync, 2 drift, 1 error)',
    builder: (yargs) =>
      yargs.options({
        ...optionsFor('drift'),
        report: { type: 'string', requiresArg: true, describe: 'Also write the report to FILE: JSON for .json (whole), Markdown for .md (cut to fit an issue); repeatable' },
        baseline: { type: 'string', requiresArg: true, describe: 'Acknowledged drift (drift-baseline.yaml): items with address, reason and expires' },
      }) as unknown as Argv<DriftOptions>,
    handler: async (argv) => {
      process.exitCode = await runDrift(argv, io);
    },
  };
}

