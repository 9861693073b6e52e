// The audit record of one HTTP call, for `--log-file` (JSON lines) and for tests that count calls.
export interface HttpLogEntry {
  provider: string;
  method: string;
  /** Path and query, with no credential in it. */
  path: string;
  /** HTTP status; 0 when no response came. */
  status: number;
  ms: number;
  /** 1 for the first try, 2+ for retries. */
  attempt: number;
}

export type HttpLog = (entry: HttpLogEntry) => void;
