// One benchmark: files prepared by the parent, then in a fresh process (so that its peak memory is its own)
// an untimed set-up (inputs in memory, emulators started), the timed run, and the tear-down.

/** What a case must stay under (acceptance numbers); the run fails when it does not. */
export interface Budget {
  ms: number;
  rssMb: number;
  /** Most HTTP calls allowed; default 1.05 × `minimumCalls` where that is given. */
  calls?: number;
  /** The least calls the work needs, computed independently of groupform's strategy (lib/minimum.ts). */
  minimumCalls?: number;
  /** Ceilings on other counts the run reports, by name (e.g. `429s: 0`). */
  counts?: Record<string, number>;
}

/** What a run reports besides its time and memory. */
interface RunReport {
  /** HTTP calls the emulators answered during the run (retries and refusals included). */
  calls?: number;
  /** Counts that have a ceiling in the budget, by name. */
  counts?: Record<string, number>;
  /** Other measured figures for the table, e.g. `output 1.2 MB`. */
  notes?: string[];
}

/** A case set up in its process, ready for the timed run. */
interface Session {
  /** The measured work. */
  run(): Promise<RunReport>;
  /** Untimed: stops emulators. */
  close?(): Promise<void>;
}

export interface BenchCase {
  name: string;
  /** What the time covers, in a few words. */
  measures: string;
  budget: Budget;
  /** Writes the case's input files into `dir`, in the parent. Not measured. */
  prepare?(dir: string): Promise<void>;
  /** Builds inputs and starts servers, in the case's own process. Not timed, but counts towards peak RSS. */
  open(dir: string): Promise<Session>;
}

export interface BenchResult {
  ms: number;
  /** Peak resident set size of the process that ran the case. */
  rssMb: number;
  report: RunReport;
}
