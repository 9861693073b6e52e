// Import into an existing groups.yaml: the file is edited in place (yaml's Document API), so its comments,
// order and every group it declares stay as written (`protect`, `membership: additive`, …). Only what it
// lacks is added: the imported providers it does not declare, and the imported groups.
import { isMap, isSeq, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { UsageError } from '../errors.js';

/** The parsed file to merge into; `file` names it in messages. */
export function parseTarget(text: string, file: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new UsageError(`${file} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it or replace it with --force.`);
  if (!isMap(doc.get('providers', true))) throw new UsageError(`${file} has no \`providers:\` to merge into; fix it or replace it with --force.`);
  return doc;
}

/** Where a group that does not say `providers:` lives in the file: `defaults.providers`, else its one provider. */
export function fileDefaults(doc: Document): string[] {
  const declared = doc.getIn(['defaults', 'providers'], true);
  if (isSeq(declared)) return declared.items.map((item) => String((item as { value?: unknown }).value ?? item));
  const names = providerNames(doc);
  return names.length === 1 ? names : [];
}

/** Adds the imported document's providers the file lacks and all its groups; returns the text and what was added. */
export function mergeImported(doc: Document, imported: Document): { text: string; providers: string[]; groups: string[] } {
  const providers = doc.get('providers', true) as YAMLMap;
  const before = providerNames(doc);
  const added: string[] = [];
  for (const pair of (imported.get('providers', true) as YAMLMap).items as Pair[]) {
    const name = keyOf(pair);
    if (before.includes(name)) continue;
    providers.items.push(pair.clone() as Pair);
    added.push(name);
  }
  // A file with one provider and no `defaults.providers` puts its groups there: a second provider must not move them.
  if (added.length > 0 && before.length === 1 && doc.getIn(['defaults', 'providers']) === undefined) {
    doc.setIn(['defaults', 'providers'], doc.createNode(before, { flow: true }));
  }
  let groups = doc.get('groups', true);
  if (!isMap(groups)) {
    groups = doc.createNode({});
    doc.set('groups', groups);
  }
  const target = groups as YAMLMap;
  // `groups: {}` (as `init` writes it) is a flow map: groups are written in block style.
  target.flow = false;
  const keys: string[] = [];
  for (const pair of (imported.get('groups', true) as YAMLMap | undefined)?.items ?? []) {
    target.items.push(pair as Pair);
    keys.push(keyOf(pair as Pair));
  }
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), providers: added, groups: keys };
}

function providerNames(doc: Document): string[] {
  return ((doc.get('providers', true) as YAMLMap).items as Pair[]).map(keyOf);
}

function keyOf(pair: Pair): string {
  return String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
}
