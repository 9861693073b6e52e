// Stage 1: YAML text → plain data, with the place of every key and value, duplicate keys reported (not
// silently overwritten), `${VAR}` resolved in every string value, and aliases expanded within bounds.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import type { Finding, SourcePos } from '../model.js';
import { interpolate, type Env, type InterpolationProblem } from './interpolate.js';
import { pointer, Positions, type Path } from './positions.js';
import { subject } from './describe.js';
import { isCredentialPath } from './secrets.js';

/**
 * yaml's own bound on alias expansion (its `maxAliasCount`: uses of an anchor, weighted by the aliases inside
 * it). Well above a file that shares a discount rule among a few hundred groups; a "billion laughs" file
 * (nine levels of nine aliases) passes it within its first levels.
 */
const MAX_ALIAS_COUNT = 1000;
/**
 * Values copied through aliases, all aliases together: the alias count alone lets a long anchored list be
 * repeated a thousand times, and each copy is walked and checked.
 */
const MAX_ALIAS_VALUES = 100_000;

/**
 * Lines and commas (list items) a config may have. yaml takes about 1 KB of memory and 15 µs per value it
 * parses, so the size limit alone would let 10 MB of one-word lines take a gigabyte and half a minute; long
 * lists of members belong in a members_file.
 */
const MAX_CONFIG_ITEMS = 100_000;

/** A `${NAME}` in the file: which string holds it and where it is written. */
interface VariableUse {
  path: Path;
  name: string;
  pos: SourcePos;
}

export interface ParsedConfig {
  /** The file as plain data with `${VAR}`s resolved; undefined when it is not valid YAML. */
  data: unknown;
  positions: Positions;
  /** JSON pointers of the strings whose value came from the environment. */
  fromEnv: Set<string>;
  /** Every variable reference, in file order. */
  variables: VariableUse[];
  findings: Finding[];
}

export function parseConfig(text: string, file: string, env: Env): ParsedConfig {
  const dense = pastItems(text, MAX_CONFIG_ITEMS);
  if (dense) {
    const message = `The config file has more than ${MAX_CONFIG_ITEMS.toLocaleString('en-US')} lines and list items by here; keep long lists of members in a members_file.`;
    return {
      data: undefined,
      positions: new Positions(file),
      fromEnv: new Set(),
      variables: [],
      findings: [{ severity: 'error', code: 'config-too-dense', message, pos: { file, ...dense } }],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const walker = new Walker(text, file, env, lines, doc);
  const result = (data: unknown, findings: Finding[]): ParsedConfig => ({
    data,
    positions: walker.positions,
    fromEnv: walker.fromEnv,
    variables: walker.variables,
    findings,
  });
  if (doc.errors.length > 0) return result(undefined, syntaxFindings(doc.errors, walker));
  for (const warning of doc.warnings) walker.report('warning', 'yaml-warning', `YAML: ${warning.message}.`, warning.pos[0]);
  try {
    return result(walker.node(doc.contents, []), walker.findings);
  } catch (error) {
    if (error instanceof AliasBomb) return result(undefined, walker.findings);
    throw error;
  }
}

/** Where the text has more than `max` newlines and commas together, if it has. */
function pastItems(text: string, max: number): { line: number; column: number } | undefined {
  let items = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x0a && code !== 0x2c) continue;
    if (++items > max) return { line, column: i - lineStart + 1 };
    if (code === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

/** Stops the walk: the aliases expand beyond a bound (already reported). */
class AliasBomb extends Error {}

/** One finding per line: a YAML mistake often confuses the parser for the rest of the line. */
function syntaxFindings(errors: YAMLError[], walker: Walker): Finding[] {
  const lines = new Set<number>();
  const findings: Finding[] = [];
  for (const error of errors) {
    const at = walker.pos(error.pos[0]);
    if (lines.has(at.line)) continue;
    lines.add(at.line);
    findings.push({ severity: 'error', code: 'yaml-syntax', message: syntaxMessage(error), pos: at });
  }
  return findings;
}

function syntaxMessage(error: YAMLError): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'Invalid YAML: the file holds more than one document (a --- line); it must be one document.';
    case 'TAB_AS_INDENT':
      return 'Invalid YAML: tabs are not allowed for indentation; indent with spaces.';
    default:
      return `Invalid YAML: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1).replace(/[.:]$/, '')}.`;
  }
}

class Walker {
  readonly positions: Positions;
  readonly fromEnv = new Set<string>();
  readonly variables: VariableUse[] = [];
  readonly findings: Finding[] = [];
  /** Aliased collections being walked, to refuse an alias that contains itself. */
  readonly #active = new Set<Node>();
  /** yaml's alias resolution state, shared by all aliases so that its count covers the file. */
  readonly #aliases: Parameters<Alias['resolve']>[1];
  /** Values walked so far inside aliases. */
  #copied = 0;
  /** Where the alias being expanded (the outermost one, written in the file's own flow) is. */
  #expanding = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly env: Env,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {
    this.positions = new Positions(file);
    this.#aliases = { anchors: new Map(), doc, keep: false, mapAsMap: false, mapKeyWarned: true, maxAliasCount: MAX_ALIAS_COUNT };
  }

  pos(offset: number): SourcePos {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line: Math.max(1, line), column: Math.max(1, col) };
  }

  report(severity: Finding['severity'], code: string, message: string, offset: number): void {
    this.findings.push({ severity, code, message, pos: this.pos(offset) });
  }

  node(node: unknown, path: Path, keyPos?: SourcePos): unknown {
    const range = (node as Node | null | undefined)?.range;
    // An empty value (`name:` and nothing after it) has no text of its own: point at its key.
    const at = range && range[0] < range[1] ? this.pos(range[0]) : (keyPos ?? (range ? this.pos(range[0]) : undefined));
    if (at) this.positions.record(path, at, keyPos);
    if (node === null || node === undefined) return null;
    const start = range?.[0] ?? 0;
    if (this.#active.size > 0 && ++this.#copied > MAX_ALIAS_VALUES) {
      const message = `The aliases of this file copy more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values by this one; write the values out instead of multiplying them with aliases.`;
      this.report('error', 'alias-bomb', message, this.#expanding);
      throw new AliasBomb();
    }
    if (isAlias(node)) return this.alias(this.resolve(node, start), node.source, path, start);
    if (isScalar(node)) return typeof node.value === 'string' ? this.string(node.value, path, node.range) : node.value;
    if (isSeq(node)) return node.items.map((item, i) => this.node(item, [...path, i]));
    if (isMap(node)) return this.map(node.items, path);
    return null;
  }

  /** The alias's anchored node, counted by yaml against its `maxAliasCount`. */
  private resolve(alias: Alias, offset: number): Node | undefined {
    try {
      return alias.resolve(this.doc, this.#aliases);
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      // yaml's message says "resource exhaustion attack"; say what it means for this file.
      const message = `The alias *${alias.source} takes this file's aliases past ${MAX_ALIAS_COUNT} copies (nested aliases multiply, as in an alias bomb); write the values out, or nest fewer aliases.`;
      this.report('error', 'alias-bomb', message, offset);
      throw new AliasBomb();
    }
  }

  private alias(target: Node | undefined, name: string, path: Path, offset: number): unknown {
    if (!target || this.#active.has(target)) {
      const why = target ? 'contains itself' : `has no anchor &${name} before it`;
      this.report('error', 'bad-alias', `The alias *${name} ${why}.`, offset);
      return null;
    }
    if (this.#active.size === 0) this.#expanding = offset;
    this.#active.add(target);
    try {
      return this.node(target, path);
    } finally {
      this.#active.delete(target);
    }
  }

  private map(pairs: { key: unknown; value: unknown }[], path: Path): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, SourcePos>();
    for (const pair of pairs) {
      const keyNode = pair.key as Node | null;
      const keyPos = this.pos(keyNode?.range?.[0] ?? 0);
      if (!isScalar(keyNode)) {
        this.findings.push({ severity: 'error', code: 'bad-key', message: 'A key must be a plain name, not a list or a map.', pos: keyPos });
        continue;
      }
      const key = String(keyNode.value);
      const first = seen.get(key);
      if (first) {
        this.findings.push({
          severity: 'error',
          code: 'duplicate-key',
          message: `Duplicate key '${key}' in ${subject(path)} (first at line ${first.line}, column ${first.column}); a key may appear only once.`,
          pos: keyPos,
        });
        continue;
      }
      seen.set(key, keyPos);
      // defineProperty: a key named __proto__ must stay data, not replace the object's prototype.
      Object.defineProperty(out, key, { value: this.node(pair.value, [...path, key], keyPos), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private string(value: string, path: Path, range: Node['range']): string {
    const result = interpolate(value, this.env);
    if (result.variables.length === 0 && result.problems.length === 0) return result.value;
    if (result.variables.length > 0) this.fromEnv.add(pointer(path));
    const start = range?.[0] ?? 0;
    const source = this.text.slice(start, range?.[1] ?? start);
    // Point at each `${` itself: find it in the raw source (quotes and escapes may shift it).
    const references = [...result.variables, ...result.problems.filter((p) => p.kind === 'syntax')].sort((a, b) => a.index - b.index);
    const offsets = new Map<number, number>();
    let from = 0;
    for (const reference of references) {
      const found = source.indexOf(reference.text, from);
      from = found < 0 ? from : found + reference.text.length;
      offsets.set(reference.index, start + Math.max(found, 0));
    }
    for (const variable of result.variables) this.variables.push({ path, name: variable.name, pos: this.pos(offsets.get(variable.index)!) });
    for (const problem of result.problems) {
      this.report('error', problem.kind === 'unset' ? 'unset-variable' : 'bad-variable', interpolationMessage(problem, path), offsets.get(problem.index)!);
    }
    return result.value;
  }
}

function interpolationMessage(problem: InterpolationProblem, path: Path): string {
  if (problem.kind === 'syntax') {
    return `'${problem.text}' is not a valid variable reference: write \${NAME} or \${NAME:-default} (and $\${ for a literal \${).`;
  }
  // A credential has no sensible default: suggesting one would invite writing it into the file.
  const how = isCredentialPath(path) ? 'Set it in the environment' : `Set it, or write \${${problem.name}:-default} to give a default`;
  return `The environment variable ${problem.name} is not set (used by ${subject(path)}). ${how}.`;
}
