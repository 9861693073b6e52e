// Stage 1: YAML text → plain data, with the place of every key and value, duplicate keys reported (not
// silently overwritten), and `${VAR}` resolved in every string value.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { Finding, SourcePos } from '../model.js';
import { interpolate, type Env, type InterpolationProblem } from './interpolate.js';
import { pointer, Positions, type Path } from './positions.js';
import { subject } from './describe.js';
import { isCredentialPath } from './secrets.js';

export interface ParsedConfig {
  /** The file as plain data with `${VAR}`s resolved; undefined when it is not valid YAML. */
  data: unknown;
  positions: Positions;
  /** JSON pointers of the strings whose value came from the environment. */
  fromEnv: Set<string>;
  findings: Finding[];
}

export function parseConfig(text: string, file: string, env: Env): ParsedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const walker = new Walker(text, file, env, lines, doc);
  if (doc.errors.length > 0) {
    return { data: undefined, positions: walker.positions, fromEnv: walker.fromEnv, findings: syntaxFindings(doc.errors, walker) };
  }
  for (const warning of doc.warnings) walker.report('warning', 'yaml-warning', `YAML: ${warning.message}.`, warning.pos[0]);
  const data = walker.node(doc.contents, []);
  return { data, positions: walker.positions, fromEnv: walker.fromEnv, findings: walker.findings };
}

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
  readonly findings: Finding[] = [];
  /** Aliased collections being walked, to refuse an alias that contains itself. */
  readonly #active = new Set<Node>();

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly env: Env,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {
    this.positions = new Positions(file);
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
    if (isAlias(node)) return this.alias(node.resolve(this.doc), node.source, path, start);
    if (isScalar(node)) return typeof node.value === 'string' ? this.string(node.value, path, node.range) : node.value;
    if (isSeq(node)) return node.items.map((item, i) => this.node(item, [...path, i]));
    if (isMap(node)) return this.map(node.items, path);
    return null;
  }

  private alias(target: Node | undefined, name: string, path: Path, offset: number): unknown {
    if (!target || this.#active.has(target)) {
      const why = target ? 'contains itself' : `has no anchor &${name} before it`;
      this.report('error', 'bad-alias', `The alias *${name} ${why}.`, offset);
      return null;
    }
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
    if (result.fromEnv) this.fromEnv.add(pointer(path));
    if (result.problems.length > 0) {
      const start = range?.[0] ?? 0;
      const source = this.text.slice(start, range?.[1] ?? start);
      let from = 0;
      for (const problem of result.problems) {
        // Point at the `${` itself: find it in the raw source (quotes and escapes may shift it).
        const found = source.indexOf(problem.text, from);
        from = found < 0 ? from : found + problem.text.length;
        this.report('error', problem.kind === 'unset' ? 'unset-variable' : 'bad-variable', interpolationMessage(problem, path), start + Math.max(found, 0));
      }
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
