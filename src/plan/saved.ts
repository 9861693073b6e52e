// The saved plan (`plan --out FILE`): the reviewed plan, and for every change the live values it was
// computed from (its precondition), so that `apply FILE` can check each item again before touching it.
// Pure: the creation time is passed in. The file holds no secret: plans carry none.
import { createHash } from 'node:crypto';
import { PlanError } from '../errors.js';
import type { Attributes, Capabilities, Change, DesiredState, GroupChange, LiveGroup, LiveState, Plan } from '../model.js';
import { liveAttributes } from './groups.js';
import { groupPrerequisites } from './order.js';
import type { PlanTarget } from './targets.js';
import { canonicalJson } from './values.js';

export const SAVED_PLAN_FORMAT = 'groupform-plan';
export const SAVED_PLAN_VERSION = 1;

/** What must still hold on the platform for a change to be applied as planned. */
export type Precondition =
  /**
   * Before a create: no live group has this code (identity 'code') or this exact name (identity 'name'), but the
   * groups in `freedBy`, which the plan renames or deletes first.
   */
  | { kind: 'group-absent'; by: Capabilities['identity']; value: string; freedBy?: string[] }
  /** Before an update or delete: the group exists with these live values (declared fields; the name on delete). */
  | { kind: 'group'; id: string; attributes: Attributes }
  /** Before a membership change: the customer exists and is in this group (null: in none). */
  | { kind: 'customer'; id: string; groupId: string | null };

export interface SavedPlan {
  format: typeof SAVED_PLAN_FORMAT;
  formatVersion: typeof SAVED_PLAN_VERSION;
  /** ISO 8601. */
  createdAt: string;
  configHash: string;
  plan: Plan;
  /** By change address. */
  preconditions: Record<string, Precondition>;
  /** The `--target`s the plan was made with (absent: the whole config); `apply FILE` refuses a change outside them. */
  targets?: PlanTarget[];
  /**
   * `sha256:` over the rest: catches a damaged or carelessly edited file. It is not a signature (anyone can
   * recompute it), so `apply FILE` checks every change against the config again.
   */
  checksum: string;
}

export interface SaveInput {
  desired: DesiredState;
  /** The live state the plan was computed from. */
  live: readonly LiveState[];
  capabilities: Readonly<Record<string, Capabilities>>;
  /** ISO 8601; the caller's clock. */
  createdAt: string;
  /** The plan's `--target`s; none: the whole config. */
  targets?: readonly PlanTarget[];
}

export function buildSavedPlan(plan: Plan, input: SaveInput): SavedPlan {
  const preconditions: Record<string, Precondition> = {};
  const freeing = namesFreedFirst(plan, input.capabilities);
  for (const change of plan.changes) {
    if (Object.hasOwn(preconditions, change.address)) {
      throw new PlanError('plan-input', `the plan changes ${change.address} twice`);
    }
    preconditions[change.address] = preconditionOf(change, input, freeing.get(change) ?? []);
  }
  const targets = input.targets && input.targets.length > 0 ? { targets: [...input.targets] } : {};
  const body = {
    format: SAVED_PLAN_FORMAT,
    formatVersion: SAVED_PLAN_VERSION,
    createdAt: input.createdAt,
    configHash: plan.configHash,
    plan,
    preconditions,
    ...targets,
  } as const;
  return { ...body, checksum: checksumOf(body) };
}

/** The file's text: sorted keys, so the same plan always gives the same bytes. */
export function serializeSavedPlan(saved: SavedPlan): string {
  return canonicalJson(saved, 2) + '\n';
}

/** `sha256:<hex>` over everything in the saved plan but its checksum. */
export function checksumOf(saved: Omit<SavedPlan, 'checksum'> & { checksum?: string }): string {
  const { checksum: _ignored, ...body } = saved;
  return 'sha256:' + createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** A plan made from another version of the config is refused: the review was of other intentions. */
export function checkConfigHash(saved: SavedPlan, configHash: string, file: string, configFile: string): void {
  if (saved.configHash === configHash) return;
  throw new PlanError(
    'plan-config-changed',
    `${file} was made from another version of ${configFile} (config hash ${saved.configHash.slice(0, 12)}…, now ${configHash.slice(0, 12)}…); make a new plan with \`groupform plan --out ${file}\`.`,
  );
}

/** For each create, the ids of the live groups that hold its name now and that the plan renames or deletes first. */
function namesFreedFirst(plan: Plan, capabilities: SaveInput['capabilities']): Map<Change, string[]> {
  const freeing = new Map<Change, string[]>();
  for (const provider of new Set(plan.changes.map((change) => change.provider))) {
    const rules = capabilities[provider];
    if (!rules) continue;
    const own = plan.changes.filter((change) => change.provider === provider);
    for (const [change, before] of groupPrerequisites(own, rules)) {
      if (change.action === 'create')
        freeing.set(
          change,
          before.flatMap((other) => (other.id === null ? [] : [other.id])),
        );
    }
  }
  return freeing;
}

function preconditionOf(change: Change, input: SaveInput, freedBy: readonly string[]): Precondition {
  if (change.kind === 'membership') return { kind: 'customer', id: change.customerId, groupId: change.before?.id ?? null };
  switch (change.action) {
    case 'create': {
      const identity = input.capabilities[change.provider]?.identity;
      if (!identity) throw new PlanError('plan-input', `no capabilities given for provider ${change.provider}`);
      const name = change.after?.name;
      const value = identity === 'code' || typeof name !== 'string' ? String(change.key) : name;
      return { kind: 'group-absent', by: identity, value, ...(freedBy.length > 0 ? { freedBy: [...freedBy] } : {}) };
    }
    case 'update': {
      const fields = Object.keys(declaredGroup(change, input.desired).attributes);
      const current = liveAttributes(liveGroup(change, input.live));
      return { kind: 'group', id: String(change.id), attributes: Object.fromEntries(fields.map((field) => [field, current[field] ?? null])) };
    }
    case 'delete':
      // What decided the delete: the name (no declared group claims it, no `ignore` pattern covers it).
      return { kind: 'group', id: String(change.id), attributes: { name: change.before?.name ?? null } };
  }
}

function declaredGroup(change: GroupChange, desired: DesiredState) {
  const found = desired.groups.find((group) => group.provider === change.provider && group.key === change.key);
  if (!found) throw new PlanError('plan-input', `the plan updates ${change.address}, which the config does not declare`);
  return found;
}

function liveGroup(change: GroupChange, live: readonly LiveState[]): LiveGroup {
  const found = live.find((state) => state.provider === change.provider)?.groups.find((group) => group.id === change.id);
  if (!found) throw new PlanError('plan-input', `the plan updates ${change.address} (#${change.id}), which the live state does not hold`);
  return found;
}
