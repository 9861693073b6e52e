// Names that must be free (DESIGN.md §3). A create or a rename takes a name (on Commerce Layer a create takes a
// code) that no other group may hold, by the platform's uniqueness rule. Held by a group this plan deletes or
// renames away, it is free once that change has run (order.ts runs it first); held by any other live group, it is
// an error naming that group. Renames that form a cycle (A→B, B→A) go through a temporary name, a step of its own.
// Pure.
import type { DesiredGroup, Finding, GroupChange, LiveGroup, ProviderInstance, Uniqueness, UniqueFields } from '../model.js';
import { ignored } from './glob.js';

/** A value as the platform compares it for uniqueness; null when the platform does not keep it unique. */
export function uniqueValue(rule: Uniqueness, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  switch (rule) {
    case 'exact':
      return value;
    case 'ignoring-case':
      return value.toLowerCase();
    case 'none':
      return null;
  }
}

/** The name a change gives its group, as compared: a create's, or a rename's when it differs by the rule. */
function takenName(change: GroupChange, rule: Uniqueness): string | null {
  if (change.action === 'delete') return null;
  const taken = uniqueValue(rule, change.after?.name);
  if (taken === null || change.action === 'create') return taken;
  return taken !== uniqueValue(rule, change.before?.name) ? taken : null;
}

/** The name a change frees, as compared: a delete's, or the old name of a rename that changes it by the rule. */
function freedName(change: GroupChange, rule: Uniqueness): string | null {
  if (change.action === 'create') return null;
  const freed = uniqueValue(rule, change.before?.name);
  if (freed === null || change.action === 'delete') return freed;
  return takenName(change, rule) !== null ? freed : null;
}

/**
 * The group changes each group change must wait for: those that free the name it takes, and a group's
 * temporary-name step before its own rename. Derived from the changes alone, so that apply can run a saved plan.
 */
export function namePrerequisites(changes: readonly GroupChange[], unique: UniqueFields): Map<GroupChange, GroupChange[]> {
  const rule = unique.name;
  const freeing = new Map<string, GroupChange[]>();
  for (const change of changes) {
    const freed = freedName(change, rule);
    if (freed !== null) freeing.set(freed, [...(freeing.get(freed) ?? []), change]);
  }
  const prerequisites = new Map<GroupChange, GroupChange[]>();
  for (const change of changes) {
    const taken = takenName(change, rule);
    const first = taken === null ? [] : (freeing.get(taken) ?? []).filter((other) => other !== change && other.id !== change.id);
    const temporary = change.temporary ? [] : changes.filter((other) => other.temporary && other.id === change.id && other.provider === change.provider);
    if (first.length + temporary.length > 0) prerequisites.set(change, [...temporary, ...first]);
  }
  return prerequisites;
}

export interface NameInput {
  instance: ProviderInstance;
  unique: UniqueFields;
  maxNameLength: number | null;
  live: readonly LiveGroup[];
  /** The declared group that manages each matched live group, by live id. */
  managedBy: ReadonlyMap<string, DesiredGroup>;
  /** The declared groups, by key, for the findings' places. */
  declared: ReadonlyMap<string, DesiredGroup>;
  /** This provider's group changes. */
  changes: readonly GroupChange[];
}

const TEMPORARY_SUFFIX = ':temporary-name';

/** The changes, with a temporary-name step inserted where renames form a cycle, and the names that are not free. */
export function checkNames(input: NameInput): { changes: GroupChange[]; findings: Finding[] } {
  const findings = [...takenNames(input), ...takenCodes(input)];
  return { changes: breakCycles(input), findings };
}

function takenNames(input: NameInput): Finding[] {
  const rule = input.unique.name;
  const findings: Finding[] = [];
  for (const change of input.changes) {
    const taken = takenName(change, rule);
    if (taken === null) continue;
    for (const holder of input.live) {
      if (holder.id === change.id || uniqueValue(rule, holder.name) !== taken) continue;
      if (input.changes.some((other) => other.id === holder.id && freedName(other, rule) === taken)) continue;
      findings.push(takenFinding(input, change, `the name "${String(change.after?.name)}"`, holder));
    }
  }
  return findings;
}

/** On Commerce Layer a create takes its key as the code: a live group with that code that stays is in the way. */
function takenCodes(input: NameInput): Finding[] {
  const rule = input.unique.code;
  return input.changes.flatMap((change) => {
    const code = change.action === 'create' ? uniqueValue(rule, change.key) : null;
    if (code === null) return [];
    return input.live
      .filter((holder) => uniqueValue(rule, holder.code) === code)
      .filter((holder) => !input.changes.some((other) => other.action === 'delete' && other.id === holder.id))
      .map((holder) => takenFinding(input, change, `the code "${String(change.key)}"`, holder));
  });
}

function takenFinding(input: NameInput, change: GroupChange, what: string, holder: LiveGroup): Finding {
  const { instance } = input;
  const provider = instance.name;
  const owner = input.managedBy.get(holder.id);
  const held = `live group #${holder.id} "${holder.name}"`;
  const why = owner
    ? `${held}, which group ${owner.key} manages and keeps`
    : ignored(instance.ignore, holder.name)
      ? `${held}, which an ignore pattern of ${provider} protects; rename that group on the platform, or choose another name`
      : instance.prune
        ? `${held}, which the file does not manage and the plan cannot delete; rename or delete it on the platform, or choose another name`
        : `${held}, which the file does not manage; rename or delete it on the platform, choose another name, or set prune: true on ${provider} so that the plan deletes it first`;
  const pos = input.declared.get(String(change.key))?.pos;
  return {
    severity: 'error',
    code: 'name-taken',
    provider,
    ...(change.key === null ? {} : { group: change.key }),
    message: `group ${String(change.key)}: ${what} is held on ${provider} by ${why}`,
    ...(pos ? { pos } : {}),
  };
}

/**
 * Each name is held by one live group at most, so each rename waits for at most one other rename: cycles are
 * rings. In each ring the rename with the first address goes through a temporary name first.
 */
function breakCycles(input: NameInput): GroupChange[] {
  const rule = input.unique.name;
  const renames = input.changes.filter((change) => change.action === 'update' && takenName(change, rule) !== null);
  const freeing = new Map(renames.map((change) => [freedName(change, rule), change]));
  const broken = new Set<GroupChange>();
  const seen = new Set<GroupChange>();
  for (const start of renames) {
    const path: GroupChange[] = [];
    let current: GroupChange | undefined = start;
    while (current && !seen.has(current)) {
      seen.add(current);
      path.push(current);
      current = freeing.get(takenName(current, rule));
    }
    // A walk that ends on a change of an earlier walk found no new ring.
    const ring = current && path.includes(current) ? path.slice(path.indexOf(current)) : [];
    if (ring.length > 0) broken.add([...ring].sort((a, b) => (a.address < b.address ? -1 : 1))[0]!);
  }
  if (broken.size === 0) return [...input.changes];
  const inUse = new Set<string>();
  for (const group of input.live) inUse.add(uniqueValue(rule, group.name) ?? group.name);
  for (const change of input.changes) inUse.add(takenName(change, rule) ?? '');
  return input.changes.flatMap((change) => {
    if (!broken.has(change)) return [change];
    const name = temporaryName(String(change.after?.name), String(change.id), input.maxNameLength, (candidate) =>
      inUse.has(uniqueValue(rule, candidate) ?? candidate),
    );
    inUse.add(uniqueValue(rule, name) ?? name);
    const step: GroupChange = {
      ...change,
      address: change.address + TEMPORARY_SUFFIX,
      before: { name: change.before?.name ?? null },
      after: { name },
      temporary: true,
    };
    return [step, { ...change, before: { ...change.before, name } }];
  });
}

/**
 * `<name> (groupform-tmp-<id>)`: recognisable on the platform, the same in every plan of the same state, and
 * free of every name in use. The name is cut (by whole characters) so that the whole fits the platform's limit.
 */
export function temporaryName(name: string, id: string, maxLength: number | null, inUse: (candidate: string) => boolean): string {
  for (let n = 1; ; n++) {
    const suffix = ` (groupform-tmp-${id}${n === 1 ? '' : `-${n}`})`;
    const characters = [...name];
    // Counted in characters (code points), as the platforms count a name; the suffix is ASCII.
    while (maxLength !== null && characters.length > 0 && characters.length + suffix.length > maxLength) characters.pop();
    const candidate = characters.join('').trimEnd() + suffix;
    if (!inUse(candidate)) return candidate;
  }
}
