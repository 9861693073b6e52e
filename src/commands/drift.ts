// `groupform drift`: read-only, for cron. Plans against the live platforms without ever applying (this path
// imports no apply code), classifies each item by modification times against the config's last commit,
// silences what the baseline acknowledges, and exits 0 in sync, 2 on drift, 1 on error.
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { parseBaseline, matchBaseline } from '../drift/baseline.js';
import { classifyDrift } from '../drift/classify.js';
import { configSources, lastCommit } from '../drift/git-time.js';
import { appendHistory, historyEntry, MAX_HISTORY_BYTES, parseHistory, type HistoryEntry } from '../drift/history.js';
import { buildDriftReport, type DriftReport } from '../drift/report.js';
import { MAX_CONFIG_BYTES } from '../config/input-file.js';
import { ConfigError, UsageError } from '../errors.js';
import { plan as diff } from '../plan/plan.js';
import { renderDriftJson, renderDriftMarkdown, renderDriftText } from '../render/drift.js';
import { renderDriftHtml } from '../render/drift-html.js';
import type { ReportHeader } from '../render/html-page.js';
import { maskKey, type Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { readBounded } from './read-bounded.js';
import { reportHeader } from './report-header.js';
import { resolveTargets } from './target-option.js';
import { openWorkspace, readLive, readProgress } from './workspace.js';
import { writeAtomically } from './write-atomically.js';

export interface DriftOptions extends PlatformOptions {
  /** One file or several (`--report drift.md --report drift.json`: the issue body and the full report). */
  report?: string | string[];
  baseline?: string;
  /** A JSON-lines file this run appends its counts to; the HTML report charts it. */
  history?: string;
}

const EXIT_DRIFT = 2;

async function runDrift(options: DriftOptions, io: Io, today: string = new Date().toISOString().slice(0, 10)): Promise<number> {
  const reports = [options.report ?? []].flat().map((file) => ({ file, format: formatOf(file) }));
  const baseline = options.baseline === undefined ? undefined : await loadBaseline(options.baseline, io);
  // Read before any platform is: a damaged history stops the run before it costs API calls.
  const history = options.history === undefined ? undefined : await loadHistory(options.history, io);
  const workspace = await openWorkspace(options, io);
  let report: DriftReport;
  let header: ReportHeader;
  let checked: string[];
  try {
    const targets = resolveTargets(options.target ?? [], workspace.desired);
    const only = targets.length > 0 ? new Set(targets.map((target) => target.provider)) : undefined;
    const live = await readLive(workspace, { only, progress: readProgress(io, options), stream: io.stderr, customerTimes: true });
    // Safety limits guard writes; a report of drift has none to guard.
    const plan = diff(workspace.desired, live, { capabilities: workspace.capabilities, force: true, strict: options.strict, targets });
    const configFile = path.resolve(io.cwd, options.config);
    const configText = await readBounded(options.config, io.cwd, MAX_CONFIG_BYTES, `the config ${options.config}`);
    const sources = configSources(configFile, configText);
    const commit = await lastCommit(sources, path.dirname(configFile));
    const configChangedAt = commit?.time ?? null;
    header = { ...(await reportHeader(options.config, io, workspace.desired.providers, sources)), commit };
    checked = workspace.desired.providers.map((provider) => provider.name).filter((name) => !only || only.has(name));
    const match = matchBaseline(classifyDrift(plan, live, configChangedAt), baseline ?? [], today, maskKey(io));
    report = buildDriftReport(match, configChangedAt, [...workspace.findings, ...plan.findings]);
  } finally {
    await workspace.close();
  }
  // A Markdown report is cut to fit an issue body; it points at a JSON report written beside it, which is whole.
  const fullReport = reports.find((r) => r.format === 'json')?.file;
  const render = { maskEmails: options.maskEmails, maskKey: maskKey(io), baselineFile: options.baseline, fullReport };
  let runs: HistoryEntry[] | undefined;
  if (options.history !== undefined) {
    const entry = historyEntry(report, header.generatedAt, checked);
    await writeAtomically(path.resolve(io.cwd, options.history), appendHistory(history ?? [], entry));
    runs = [...(history ?? []), entry];
  }
  const rendered = (format: 'json' | 'markdown' | 'html' | 'text'): string => {
    switch (format) {
      case 'json':
        return renderDriftJson(report);
      case 'markdown':
        return renderDriftMarkdown(report, render);
      case 'html':
        return renderDriftHtml(report, { ...render, maskEmails: options.maskEmails ?? true, header, ...(runs ? { history: runs } : {}) });
      case 'text':
        return renderDriftText(report, render);
    }
  };
  for (const { file, format } of reports) await writeFile(path.resolve(io.cwd, file), rendered(format));
  io.stdout.write(rendered(options.format));
  if (report.findings.some((finding) => finding.severity === 'error')) return 1;
  return report.inSync ? 0 : EXIT_DRIFT;
}

function formatOf(file: string): 'json' | 'markdown' | 'html' {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  if (extension === '.html' || extension === '.htm') return 'html';
  throw new UsageError(`--report ${file}: the report's format comes from its extension: .json, .md or .html.`);
}

/** The runs so far; none when the file does not exist yet (the first run creates it). */
async function loadHistory(file: string, io: Io): Promise<HistoryEntry[]> {
  const exists = await stat(path.resolve(io.cwd, file)).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw new UsageError(`--history ${file}: cannot read it: ${error.message}.`, { cause: error });
    },
  );
  if (!exists) return [];
  const { entries, problems } = parseHistory(await readBounded(file, io.cwd, MAX_HISTORY_BYTES, `--history ${file}`), file);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('\n  ');
    throw new UsageError(
      `--history ${file}: not a groupform drift history; fix or remove the line${problems.length === 1 ? '' : 's'}:\n  ${shown}${problems.length > 5 ? `\n  … and ${problems.length - 5} more` : ''}`,
    );
  }
  return entries;
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
        report: {
          type: 'string',
          requiresArg: true,
          describe:
            'Also write the report to FILE: JSON for .json (whole), Markdown for .md (cut to fit an issue), a self-contained page for .html; repeatable',
        },
        history: {
          type: 'string',
          requiresArg: true,
          describe: "Append this run's counts per provider and class to FILE (JSON lines, the last 1,000 runs kept); .html reports chart the last 90",
        },
        baseline: { type: 'string', requiresArg: true, describe: 'Acknowledged drift (drift-baseline.yaml): items with address, reason and expires' },
      }) as unknown as Argv<DriftOptions>,
    handler: async (argv) => {
      process.exitCode = await runDrift(argv, io);
    },
  };
}
