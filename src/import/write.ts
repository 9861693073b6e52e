// Import, step 3: the groups.yaml text and its members files. The `providers:` entries are copied from the
// current config as written, so `${VAR}` references (never secret values) and comments stay as they are.
import { Document, isMap, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { GroupformError } from '../errors.js';
import type { Finding, Json, LiveState, ProviderInstance } from '../model.js';
import { candidatesOf } from './candidates.js';
import { mergeCandidates, type ImportedGroup } from './merge.js';

export interface ImportInput {
  /** What the imported instances read, every group included. */
  live: readonly LiveState[];
  /** The provider instances to import, in the config's order. */
  instances: readonly ProviderInstance[];
  /** The current config's text, whose `providers:` entries are copied. */
  configText: string;
  /** Most members listed inline; more go to `members/<key>.txt` beside the file (default 50). */
  inlineMembers?: number;
  /** The `$schema` reference for editors, written as the file's first line. */
  schema?: string;
  /** Keys the groups must not take (those of the file the import merges into). */
  takenKeys?: ReadonlySet<string>;
  /**
   * Where a group without `providers:` lives in the file written to: a group elsewhere says `providers:`.
   * Default: every imported instance, written as `defaults.providers`.
   */
  defaultProviders?: readonly string[];
}

export interface ImportResult {
  /** The groups.yaml text. */
  yaml: string;
  /** Members files, by path relative to the groups file. */
  files: { path: string; content: string }[];
  /** What could not be imported exactly. */
  findings: Finding[];
  /** The same document as `yaml`, for merging into another. */
  document: Document;
}

export function importConfig(input: ImportInput): ImportResult {
  const { candidates, findings } = candidatesOf(input.live, input.instances);
  const groups = mergeCandidates(candidates, input.takenKeys);
  const names = input.instances.map((instance) => instance.name);
  const doc = new Document({ version: 1 });
  const written = ' Written by `groupform import` from the live platforms; ids pin each group to its remote group.';
  doc.commentBefore = input.schema === undefined ? written : ` yaml-language-server: $schema=${input.schema}\n\n${written}`;
  doc.set('providers', providersFrom(input.configText, names));
  doc.set('defaults', doc.createNode({ providers: names }, { flow: true }));
  const files: ImportResult['files'] = [];
  const groupsNode = doc.createNode({}) as YAMLMap;
  for (const group of groups) {
    const { node, file } = groupNode(doc, group, input.defaultProviders ?? names, input.inlineMembers ?? 50);
    groupsNode.set(group.key, node);
    if (file) files.push(file);
  }
  doc.set('groups', groupsNode);
  return { yaml: doc.toString({ lineWidth: 0 }), files, findings, document: doc };
}

function groupNode(doc: Document, group: ImportedGroup, defaults: readonly string[], inline: number) {
  const [first] = group.parts;
  if (!first) throw new Error(`import: group ${group.key} has no parts`);
  const providers = group.parts.map((part) => part.instance.name);
  const fields: Record<string, unknown> = { name: literal(first.group.name) };
  for (const part of group.parts) Object.assign(fields, literal(part.own));
  if (!sameSet(providers, defaults)) fields.providers = doc.createNode(providers, { flow: true });
  if (first.additive) fields.membership = 'additive';
  let file: ImportResult['files'][number] | undefined;
  if (first.members.length > inline) {
    const path = `members/${group.key}.txt`;
    fields.members_file = path;
    file = { path, content: `# Members of ${first.group.name} (${group.key}), written by groupform import\n${first.members.join('\n')}\n` };
  } else {
    // Written even when empty: a group without `members` would leave its memberships unmanaged.
    fields.members = literal(first.members);
  }
  for (const part of group.parts) if (part.block) fields[part.block.name] = literal(part.block.fields);
  const ids = Object.fromEntries(group.parts.map((part) => [part.instance.name, idValue(part.group.id)]));
  fields.ids = doc.createNode(ids, { flow: true });
  return { node: doc.createNode(fields), file };
}

/** The `providers:` entries of the imported instances, as the current config writes them. */
function providersFrom(configText: string, names: readonly string[]): YAMLMap {
  const source = parseDocument(configText);
  const providers = source.get('providers', true);
  if (!isMap(providers)) throw new GroupformError('import-input', 'the config has no `providers:` to copy');
  const copy = source.createNode({}) as YAMLMap;
  for (const name of names) {
    const pair = providers.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === name) as Pair | undefined;
    if (!pair) throw new GroupformError('import-input', `the config has no provider ${name} to copy`);
    copy.items.push(pair.clone() as Pair);
  }
  return copy;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

/** Numeric ids as numbers (as people write them), others as text. */
function idValue(id: string): string | number {
  return /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : id;
}

/** Values as the config reads them literally: `${` would be taken for a variable, so it is written `$${`. */
function literal<T extends Json | Record<string, Json>>(value: T): T {
  // A replacer function: in a replacement string, `$$` would stand for a single `$`.
  if (typeof value === 'string') return value.replaceAll('${', () => '$${') as T;
  if (Array.isArray(value)) return value.map(literal) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, literal(member)])) as T;
  }
  return value;
}
