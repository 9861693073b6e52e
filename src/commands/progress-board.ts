// Where each provider's platform work stands, fed by the HTTP clients (ProviderContext.onActivity), shown while
// platforms are read: a spinner's line on a terminal, and in a log a line per provider at most every
// PLAIN_INTERVAL_MS (the first only once a read has lasted that long, so quick runs stay quiet). Lines are
// driven by the clients' events, so a long rate-limit wait is announced with its length when it starts.
import type { ClientActivity } from '../http/index.js';
import { describeProgress } from '../render/progress.js';

/** A log gets a provider's line at most this often. */
const PLAIN_INTERVAL_MS = 5000;

interface Entry {
  activity: ClientActivity;
  /** When its first call was asked for. */
  since: number;
}

export class ProgressBoard {
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<(provider: string) => void>();

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The sink for one provider's client. */
  feed(provider: string): (activity: ClientActivity) => void {
    return (activity) => {
      const entry = this.#entries.get(provider);
      this.#entries.set(provider, { activity, since: entry?.since ?? this.#now() });
      for (const listener of this.#listeners) listener(provider);
    };
  }

  /** The provider's progress in words; undefined before its first call. */
  line(provider: string): string | undefined {
    const entry = this.#entries.get(provider);
    if (!entry) return undefined;
    const now = this.#now();
    return describeProgress(provider, entry.activity, now - entry.since, now);
  }

  /** Calls `listener` with the provider's name on each change; returns the unsubscribe. */
  onChange(listener: (provider: string) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /**
   * Writes the line of each provider in `providers` to `stream`, at most every `intervalMs` per provider;
   * returns the stop.
   */
  print(stream: NodeJS.WritableStream, providers: ReadonlySet<string>, intervalMs = PLAIN_INTERVAL_MS): () => void {
    const last = new Map<string, number>();
    return this.onChange((provider) => {
      if (!providers.has(provider)) return;
      const now = this.#now();
      const previous = last.get(provider) ?? this.#entries.get(provider)!.since;
      if (now - previous < intervalMs) return;
      last.set(provider, now);
      stream.write(`${this.line(provider)}\n`);
    });
  }
}
