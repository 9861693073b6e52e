// The few error classes library code throws. Each carries a stable `code`, a message a person can act on,
// and its `cause`. Only the CLI's error boundary (src/cli.ts) turns them into output and exit codes.
import type { Finding } from './model.js';

export class GroupformError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The config could not be loaded: every finding, each with its file, line and column. */
export class ConfigError extends GroupformError {
  readonly findings: Finding[];
  constructor(findings: Finding[], options?: { cause?: unknown }) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    super('config-invalid', `${errors} error${errors === 1 ? '' : 's'} in the configuration`, options);
    this.findings = findings;
  }
}

/** A platform API call failed: names the provider, the call and the platform's own message. */
export class ApiError extends GroupformError {
  readonly provider: string;
  readonly method: string;
  readonly path: string;
  /** HTTP status; 0 when no response came (network error, timeout). */
  readonly status: number;
  /** The platform's own message, already redacted. */
  readonly detail: string;
  constructor(init: { provider: string; method: string; path: string; status: number; detail: string; code?: string }, options?: { cause?: unknown }) {
    const what = init.status ? `HTTP ${init.status}` : 'no response';
    super(init.code ?? 'api-error', `${init.provider}: ${init.method} ${init.path} failed (${what}): ${init.detail}`, options);
    this.provider = init.provider;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.detail = init.detail;
  }
}

/** The plan cannot be applied as asked: safety limits, a stale saved plan, ambiguous live state. */
export class PlanError extends GroupformError {
  readonly findings: Finding[];
  constructor(code: string, message: string, findings: Finding[] = [], options?: { cause?: unknown }) {
    super(code, message, options);
    this.findings = findings;
  }
}

/** The command line asks for something impossible (missing --auto-approve without a TTY, …). */
export class UsageError extends GroupformError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
  }
}
