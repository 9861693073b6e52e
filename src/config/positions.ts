// Where each value of the config file came from, so every finding can point at a line and column
// (octoDNS stamps every YAML node the same way). Paths are JSON pointers, as ajv reports them.
import type { SourcePos } from '../model.js';

export type Path = readonly (string | number)[];

/** The JSON pointer of a path: `['groups', 'vip', 'members', 0]` → `/groups/vip/members/0`. */
export function pointer(path: Path): string {
  let out = '';
  for (const segment of path) out += '/' + String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
  return out;
}

/** The segments of a JSON pointer (array indexes stay strings). */
export function segments(pointerText: string): string[] {
  if (pointerText === '') return [];
  return pointerText
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

interface Entry {
  /** Where the property's key starts; absent for array items and the root. */
  key?: SourcePos;
  value: SourcePos;
}

export class Positions {
  readonly #entries = new Map<string, Entry>();
  readonly #start: SourcePos;

  constructor(readonly file: string) {
    this.#start = { file, line: 1, column: 1 };
  }

  record(path: Path, value: SourcePos, key?: SourcePos): void {
    this.#entries.set(pointer(path), key ? { key, value } : { value });
  }

  /** Where the value at `path` starts; the nearest recorded ancestor's place when the file does not have it. */
  value(path: Path): SourcePos {
    return this.#find(path).value;
  }

  /** Where the key of the property at `path` starts (for array items and the root: the value's place). */
  key(path: Path): SourcePos {
    const entry = this.#find(path);
    return entry.key ?? entry.value;
  }

  #find(path: Path): Entry {
    for (let n = path.length; n >= 0; n--) {
      const entry = this.#entries.get(pointer(path.slice(0, n)));
      if (entry) return entry;
    }
    return { value: this.#start };
  }
}
