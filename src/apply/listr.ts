// The one place listr2 is configured: which renderer draws progress, where it writes, and how task lists
// behave. Every task list the apply engine builds takes its options from here.
import {
  figures,
  ListrDefaultRendererLogLevels,
  ListrLogger,
  ProcessOutput,
  type ListrBaseClassOptions,
  type ListrSubClassOptions,
  type ListrTask,
} from 'listr2';

/** How progress is shown: live tree on a terminal, one line per event (logs, CI), or nothing (JSON output). */
export type ProgressOutput = 'interactive' | 'plain' | 'silent';

type Renderer = 'default' | 'simple' | 'silent';
export type RootOptions = ListrBaseClassOptions<undefined, Renderer, 'simple'>;

/** The renderer for an output mode, writing to `stream` only (never to stdout unless `stream` is stdout). */
function chooseRenderer(
  output: ProgressOutput,
  stream: NodeJS.WritableStream,
): Pick<RootOptions, 'renderer' | 'rendererOptions' | 'fallbackRenderer' | 'fallbackRendererOptions'> {
  if (output === 'silent') return { renderer: 'silent' };
  // listr2 types its streams as TTY streams; it only calls write() and reads columns/rows when present.
  const target = stream as NodeJS.WriteStream;
  const logger = () => new ListrLogger({ processOutput: new ProcessOutput(target, target), useIcons: true, toStderr: [] });
  // listr2 falls back to `simple` by itself when stdout is not a terminal.
  const simple = { fallbackRenderer: 'simple' as const, fallbackRendererOptions: { logger: logger() } };
  if (output === 'plain') return { renderer: 'simple', rendererOptions: { logger: logger() }, ...simple };
  // Finished providers fold away (the results summary lists every failure); while running, a failed task
  // keeps its title with the error below it.
  const tree = { collapseErrors: false, collapseSkips: false, icon: failedParentIcon };
  return { renderer: 'default', rendererOptions: { logger: logger(), ...tree }, ...simple };
}

// listr2 draws a failed task that has subtasks with the same ❯ as a running one; a cross says it failed.
const failedParentIcon = { [ListrDefaultRendererLogLevels.FAILED_WITH_FAILED_SUBTASKS]: figures.cross };

/** The root list: one task per provider, all at once; a failed task never stops the others. */
export function rootOptions(output: ProgressOutput, stream: NodeJS.WritableStream): RootOptions {
  return {
    ...chooseRenderer(output, stream),
    concurrent: true,
    exitOnError: false,
    // Errors are collected so that a bug inside a task (not a platform failure) can be rethrown after the run.
    collectErrors: 'minimal',
    // listr2's own SIGINT handler calls process.exit(127); the command wires SIGINT to an AbortSignal instead.
    registerSignalListeners: false,
  };
}

/**
 * The reads of a plan on a terminal: a spinner per provider, all at once, cleared when every read is done
 * (the plan follows); the first failure ends the list and is thrown.
 */
export function readListOptions(stream: NodeJS.WritableStream): RootOptions {
  const renderer = chooseRenderer('interactive', stream);
  return {
    ...renderer,
    rendererOptions: { ...renderer.rendererOptions, clearOutput: true },
    concurrent: true,
    exitOnError: true,
    registerSignalListeners: false,
  };
}

/** A nested list: `concurrency` tasks at once (1: in sequence), carrying on past failures. */
export function subtaskOptions(concurrency: number): ListrSubClassOptions<undefined> {
  return { concurrent: concurrency, exitOnError: false };
}

/** Thrown inside a task only so the renderer marks it failed; the failure itself is already recorded. */
export class TaskFailed extends Error {}

/** A task of the apply tree (no shared context: tasks record into the ResultBook they close over). */
export type ApplyTask = ListrTask<undefined>;
