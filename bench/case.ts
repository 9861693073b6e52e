// One benchmark: inputs prepared outside the measurement, then the measured work in a fresh process so
// that its peak memory is its own.

export interface BenchCase {
  name: string;
  /** What the case must stay under (acceptance numbers); the run fails when it does not. */
  budget?: { ms: number; rssMb: number };
  /** Writes the case's inputs into `dir`. Not measured. */
  prepare(dir: string): Promise<void>;
  /** The measured work; what it returns is kept alive while the heap is measured. */
  run(dir: string): Promise<unknown>;
}

export interface BenchResult {
  name: string;
  ms: number;
  /** Peak resident set size of the process that ran the case. */
  rssMb: number;
  /** Heap in use after the run, with its result still referenced. */
  heapMb: number;
}
