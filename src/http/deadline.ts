// A time limit for one attempt, cleared as soon as the attempt ends. Not AbortSignal.timeout: its timer lives
// for the whole limit (30 s) and keeps the signal, and through fetch's abort listener the answer and its body,
// reachable through every minor GC; at a few hundred pages a second, every page read was kept until a full GC
// (about 250 MB of a million-customer read).
export interface Deadline {
  readonly signal: AbortSignal;
  /** Ends the limit: the timer is gone, and nothing more holds the attempt. */
  clear(): void;
}

export function deadline(ms: number): Deadline {
  const controller = new AbortController();
  // The reason fetch reports is the one AbortSignal.timeout gives, so that errors name it a timeout.
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
