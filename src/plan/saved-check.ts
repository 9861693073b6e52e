// `apply FILE` trusts a saved plan no further than the config: its checksum only catches accidents (anyone
// can recompute it). Every change still to make must be one the planner makes today from the current config
// and the freshly read live state — same action, address, before and after — inside the plan's targets and
// the `--target`s of the apply, and within the safety limits unless `--force`. Changes already in effect are
// skipped, stale ones reported (stale.ts), anything else refuses the whole plan. Pure.
import type { Capabilities, Change, DesiredState, Finding, GroupChange, GroupRef, LiveState, MembershipChange, Plan } from '../model.js';
import { groupAddress, groupRefLabel, memberAddress, memberIdAddress } from './address.js';
import { plan as diff, summarize } from './plan.js';
import { checkSafety } from './safety.js';
import { findApplied } from './saved-applied.js';
import type { SavedPlan } from './saved.js';
import { findStale, type StaleItem } from './stale.js';
import { inTargets, type PlanTarget } from './targets.js';
import { explainRefusal } from './saved-refusal.js';
import { jsonEqual } from './values.js';

export interface SavedCheckInput {
  desired: DesiredState;
  /** Read again: what the plan touches (saved-scope.ts). */
  live: readonly LiveState[];
  capabilities: Readonly<Record<string, Capabilities>>;
  /** The `--target`s given to `apply FILE`: every change must be inside them as well as the plan's own. */
  targets: readonly PlanTarget[];
  force: boolean;
  strict: boolean;
}

export interface SavedCheck {
  /** What to apply: the valid items in plan order (a customer joining a group already created gets its id). */
  plan: Plan;
  stale: StaleItem[];
  /** Addresses of the changes already in effect, in plan order. */
  applied: string[];
  /** One error per change the config would not make today; any refuses the whole plan. */
  refused: Finding[];
  /** The safety limits over what would be applied; empty with `force`. */
  safety: Finding[];
}

/** Planner errors that reading less can only hide, never cause, and that leave their change in the plan. */
const KEEPS_CHANGE: ReadonlySet<string> = new Set(['name-taken', 'ignored-group-claimed']);

export function checkSavedPlan(saved: SavedPlan, input: SavedCheckInput): SavedCheck {
  const { desired, live } = input;
  const applied = findApplied(saved, live);
  const stale = findStale(saved, live, applied);
  const skipped = new Set([...applied, ...stale.map((item) => item.address)]);
  // Forced: the limits are checked below over what is actually applied, not over this whole re-plan.
  const today = diff(desired, live, { capabilities: { ...input.capabilities }, strict: input.strict, force: true });
  const counterpartOf = counterparts(today.changes);
  // The planner's errors are mostly about what a partial re-read lacks; these two cannot be, and keep their change.
  const refused = [...duplicates(saved.plan.changes), ...today.findings.filter((f) => f.severity === 'error' && KEEPS_CHANGE.has(f.code))];
  const changes: Change[] = [];
  for (const change of saved.plan.changes) {
    if (skipped.has(change.address)) continue;
    const match = outsideTargets(change, saved.targets ?? [], input.targets) ?? compare(change, counterpartOf(change), applied);
    if ('change' in match) changes.push(match.change);
    else refused.push(refusal(change, (match.reason ?? explainRefusal(change, desired, live, input.capabilities)) + protectedNote(change, desired)));
  }
  return {
    plan: withChanges(saved.plan, changes),
    stale,
    applied: saved.plan.changes.filter((change) => applied.has(change.address)).map((change) => change.address),
    refused,
    safety: input.force ? [] : checkSafety(changes, live, desired.providers, desired.groups),
  };
}

/** The plan with only these changes, its summary recounted. */
export function withChanges(plan: Plan, changes: Change[]): Plan {
  // The estimate was of the whole plan; a partial one would mislead.
  const { estimate: _whole, ...rest } = plan;
  return { ...rest, changes, summary: summarize(changes) };
}

/** A change's own words, for refusals: `bc/#12 (delete group "Retail")`, `xk/members/a@x.com (move to xk/vip)`. */
function changeLabel(change: Change): string {
  if (change.kind === 'group') {
    const name = change.action === 'create' ? change.after?.name : change.before?.name;
    return `${change.address} (${change.action} group${typeof name === 'string' ? ` "${name}"` : ''})`;
  }
  const ref = (group: GroupRef | null): string => (group === null ? 'no group' : groupRefLabel(change.provider, group));
  return `${change.address} (move from ${ref(change.before)} to ${ref(change.after)})`;
}

type Match = { change: Change } | { reason: string | null };

function protectedNote(change: Change, desired: DesiredState): string {
  const guarded = change.kind === 'group' && desired.groups.some((group) => group.provider === change.provider && group.key === change.key && group.protect);
  return guarded ? ' (the group is protected)' : '';
}

function refusal(change: Change, reason: string): Finding {
  return { severity: 'error', code: 'plan-not-from-config', provider: change.provider, message: `${changeLabel(change)}: ${reason}` };
}

/** Today's change for a saved one: a group change by address, a membership change by its customer. */
function counterparts(changes: readonly Change[]): (change: Change) => Change | undefined {
  const byKey = new Map(changes.map((change) => [identityOf(change), change]));
  return (change) => byKey.get(identityOf(change));
}

function identityOf(change: Change): string {
  // A customer's address may be by e-mail or by id depending on how many customers share the e-mail in the read.
  return change.kind === 'group' ? `group ${change.address}` : `customer ${change.provider} ${change.customerId}`;
}

/** Two changes of one item: never made by the planner, and they would defeat the per-item checks. */
function duplicates(changes: readonly Change[]): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const change of changes) {
    for (const key of new Set([`address ${change.address}`, identityOf(change)])) {
      if (seen.has(key)) findings.push(refusal(change, 'the plan changes this item twice'));
      seen.add(key);
    }
  }
  return findings;
}

function outsideTargets(change: Change, planned: readonly PlanTarget[], given: readonly PlanTarget[]): Match | undefined {
  for (const [targets, whose] of [
    [planned, 'the plan was made for'],
    [given, 'given to apply'],
  ] as const) {
    if (targets.length > 0 && !inTargets(change, targets)) {
      return { reason: `it is outside the targets ${whose} (--target ${targets.map(targetLabel).join(' --target ')})` };
    }
  }
  return undefined;
}

function targetLabel(target: PlanTarget): string {
  return target.key === undefined ? target.provider : `${target.provider}/${target.key}`;
}

function compare(saved: Change, today: Change | undefined, applied: ReadonlySet<string>): Match {
  if (today === undefined) return { reason: null };
  if (saved.kind === 'group' && today.kind === 'group') return compareGroups(saved, today);
  if (saved.kind === 'membership' && today.kind === 'membership') return compareMemberships(saved, today, applied);
  return { reason: null };
}

function compareGroups(saved: GroupChange, today: GroupChange): Match {
  if (saved.action !== today.action) return { reason: `the config asks to ${today.action} it instead` };
  // `before` of a delete is the whole live group, of which only the name is a precondition: the name is compared.
  const before = saved.action === 'delete' ? [saved.before?.name, today.before?.name] : [saved.before, today.before];
  const same = saved.key === today.key && saved.id === today.id && jsonEqual(saved.after, today.after) && jsonEqual(before[0], before[1]);
  if (same) return { change: saved };
  const fields = [...new Set([...Object.keys(saved.after ?? {}), ...Object.keys(today.after ?? {})])].filter(
    (field) => !jsonEqual(saved.after?.[field], today.after?.[field]),
  );
  return { reason: fields.length > 0 ? `the config asks for other values (${fields.join(', ')})` : 'the config asks for another change to it' };
}

function compareMemberships(saved: MembershipChange, today: MembershipChange, applied: ReadonlySet<string>): Match {
  const addresses = [memberIdAddress(saved.provider, saved.customerId), ...(saved.email === '' ? [] : [memberAddress(saved.provider, saved.email)])];
  const wants = today.after === null ? 'in no group' : `in ${groupRefLabel(today.provider, today.after)}`;
  if (
    saved.email !== today.email ||
    !addresses.includes(saved.address) ||
    saved.action !== today.action ||
    !sameRef(saved.before, today.before) ||
    !sameKey(saved.after, today.after)
  ) {
    return { reason: `the config wants this customer ${wants}` };
  }
  if (saved.after === null || today.after === null || saved.after.id === today.after.id) return { change: saved };
  // The group it joins was created by an earlier run of this plan: it now has an id.
  const created = saved.after.id === null && applied.has(groupAddress(saved.provider, saved.after.key, null));
  return created ? { change: { ...saved, after: { ...saved.after, id: today.after.id } } } : { reason: `the config wants this customer ${wants}` };
}

/** Same group: key and id; the name where both sides know it (a group outside the read has none). */
function sameRef(a: GroupRef | null, b: GroupRef | null): boolean {
  if (a === null || b === null) return a === b;
  return sameKey(a, b) && a.id === b.id;
}

function sameKey(a: GroupRef | null, b: GroupRef | null): boolean {
  if (a === null || b === null) return a === b;
  return a.key === b.key && (a.name === '' || b.name === '' || a.name === b.name);
}
