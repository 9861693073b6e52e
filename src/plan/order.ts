// The plan's order (DESIGN.md §3), so that every name is free when it is taken and every group exists before
// customers join it: customers out of groups about to be deleted, deletes, renames (temporary names first, then
// each rename after the one that frees its name), creates, other updates, membership moves, unassigns; last, the
// deletes of groups whose customers move into groups this plan creates, where the platform does not unassign
// them itself (they must be empty first). Apply runs the same steps (`providerSteps`), one after the other.
// Within a step: by provider, then group address, then the customer's address (its e-mail, or its id).
import { PlanError } from '../errors.js';
import type { Change, Finding, GroupChange, UniqueFields } from '../model.js';
import { groupAddress } from './address.js';
import { namePrerequisites } from './names.js';

const PHASES = ['move-out', 'delete', 'rename', 'create', 'update', 'assign', 'unassign', 'delete-last'] as const;
type Phase = (typeof PHASES)[number];

/** What ordering needs to know of a platform. */
export interface OrderRules {
  deleteUnassignsMembers: boolean;
  unique: UniqueFields;
}

/** Changes of one provider that run together, after every earlier step. */
export interface Step {
  phase: Phase;
  /** Renames only: how many renames must run before these. */
  level: number;
  changes: Change[];
}

interface Place {
  phase: Phase;
  level: number;
}

/** One provider's changes as the steps apply runs in sequence, each keeping the given order. */
export function providerSteps(changes: readonly Change[], rules: OrderRules): Step[] {
  const places = placeChanges(changes, rules);
  const steps = new Map<string, Step>();
  for (const change of changes) {
    const { phase, level } = places.get(change)!;
    const id = `${PHASES.indexOf(phase)}:${level}`;
    const step = steps.get(id) ?? { phase, level, changes: [] };
    step.changes.push(change);
    steps.set(id, step);
  }
  return [...steps.values()].sort((a, b) => compareKeys([PHASES.indexOf(a.phase), a.level], [PHASES.indexOf(b.phase), b.level]));
}

/**
 * The whole plan's order, every provider's steps interleaved by phase; and an error for a change that would have
 * to wait for one that runs after it (a name freed only by a delete that must wait for the customers to move).
 */
export function orderChanges(changes: readonly Change[], rulesOf: (provider: string) => OrderRules): { changes: Change[]; findings: Finding[] } {
  const places = new Map<Change, Place>();
  const findings: Finding[] = [];
  for (const [provider, own] of byProvider(changes)) {
    const rules = rulesOf(provider);
    const placed = placeChanges(own, rules);
    for (const [change, place] of placed) places.set(change, place);
    findings.push(...lateNames(own, rules, placed));
  }
  const ordered = changes
    .map((change) => ({ change, key: sortKey(change, places.get(change)!) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ change }) => change);
  return { changes: ordered, findings };
}

/** The group changes each group change waits for, where all of them are one provider's. */
export function groupPrerequisites(changes: readonly Change[], rules: OrderRules): Map<GroupChange, GroupChange[]> {
  return namePrerequisites(
    changes.filter((change): change is GroupChange => change.kind === 'group'),
    rules.unique,
  );
}

function placeChanges(changes: readonly Change[], rules: OrderRules): Map<Change, Place> {
  const late = lateDeletes(changes, rules);
  const early = new Set(changes.flatMap((c) => (c.kind === 'group' && c.action === 'delete' && !late.has(c.id ?? '') ? [c.id] : [])));
  const prerequisites = groupPrerequisites(changes, rules);
  const phaseOf = (change: Change): Phase => {
    if (change.kind === 'membership') {
      const leavesEarly = change.before?.id != null && early.has(change.before.id);
      if (leavesEarly && (change.after === null || change.after.id !== null)) return 'move-out';
      return change.action === 'delete' ? 'unassign' : 'assign';
    }
    switch (change.action) {
      case 'delete':
        return late.has(change.id ?? '') ? 'delete-last' : 'delete';
      case 'create':
        return 'create';
      case 'update':
        return change.temporary || change.after?.name !== undefined ? 'rename' : 'update';
    }
  };
  const places = new Map<Change, Place>();
  const levels = new Map<Change, number>();
  const levelOf = (change: Change, visiting: Set<Change>): number => {
    const known = levels.get(change);
    if (known !== undefined) return known;
    if (visiting.has(change)) throw new PlanError('plan-invalid', `the renames of ${change.address} and others form a cycle with no temporary name`);
    visiting.add(change);
    const before = (change.kind === 'group' ? (prerequisites.get(change) ?? []) : []).filter((other) => phaseOf(other) === 'rename');
    const level = before.length === 0 ? 0 : 1 + Math.max(...before.map((other) => levelOf(other, visiting)));
    visiting.delete(change);
    levels.set(change, level);
    return level;
  };
  for (const change of changes) {
    const phase = phaseOf(change);
    places.set(change, { phase, level: phase === 'rename' ? levelOf(change, new Set()) : 0 });
  }
  return places;
}

/**
 * Ids of the groups deleted last: where the platform leaves customers in a deleted group, those moving into a
 * group this plan creates can only leave once it exists, so the delete waits for them.
 */
function lateDeletes(changes: readonly Change[], rules: OrderRules): Set<string> {
  if (rules.deleteUnassignsMembers) return new Set();
  return new Set(
    changes.flatMap((change) =>
      change.kind === 'membership' && change.after !== null && change.after.id === null && change.before?.id != null ? [change.before.id] : [],
    ),
  );
}

/** A change whose prerequisite runs in a later step cannot be applied in one run: an error naming both. */
function lateNames(changes: readonly Change[], rules: OrderRules, places: ReadonlyMap<Change, Place>): Finding[] {
  const rank = (change: Change): number[] => {
    const place = places.get(change)!;
    return [PHASES.indexOf(place.phase), place.level];
  };
  const findings: Finding[] = [];
  for (const [change, before] of groupPrerequisites(changes, rules)) {
    for (const other of before) {
      if (compareKeys(rank(other), rank(change)) < 0) continue;
      findings.push({
        severity: 'error',
        code: 'name-order',
        provider: change.provider,
        message:
          `${change.address} takes the name "${String(change.after?.name)}" that ${other.address} frees, but that group can only be ` +
          'deleted once its customers have joined groups this plan creates; apply in two runs: first without the rename (move the customers), then with it',
      });
    }
  }
  return findings;
}

type SortKey = [phase: number, level: number, provider: string, group: string, member: string];

function sortKey(change: Change, place: Place): SortKey {
  const phase = PHASES.indexOf(place.phase);
  switch (change.kind) {
    case 'group':
      return [phase, place.level, change.provider, change.address, ''];
    case 'membership': {
      // Moves sort under the group they join, unassigns under the group they leave.
      const ref = change.after ?? change.before;
      const group = ref ? groupAddress(change.provider, ref.key, ref.id) : '';
      return [phase, 0, change.provider, group, change.address];
    }
  }
}

function byProvider(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const list = groups.get(change.provider);
    if (list) list.push(change);
    else groups.set(change.provider, [change]);
  }
  return groups;
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
