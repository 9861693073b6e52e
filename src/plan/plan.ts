// The planner: desired × live → Plan. Pure: no I/O, no clock, no randomness (DESIGN.md §3).
import { PlanError } from '../errors.js';
import type { Capabilities, Change, DesiredState, Finding, LiveState, MembershipChange, Plan, PlanSummary, ProviderInstance } from '../model.js';
import { estimateCost } from './cost.js';
import { indexByEmail, type EmailIndex } from './email-index.js';
import { fingerprint } from './fingerprint.js';
import { planGroups } from './groups.js';
import { matchGroups } from './identity.js';
import { leavingIgnored, withoutIgnored } from './ignored.js';
import { planMemberships, unassignedByDelete } from './memberships.js';
import { orderChanges } from './order.js';
import { checkSafety } from './safety.js';
import { checkNames } from './names.js';
import { findingInTargets, inTargets, missingPrerequisites, type PlanTarget } from './targets.js';

export interface PlanOptions {
  /** Each provider instance's capabilities, by instance name. */
  capabilities: Record<string, Capabilities>;
  /** Skip the safety limits. */
  force?: boolean;
  /** A declared customer the platform does not have is an error instead of a warning. */
  strict?: boolean;
  /** Narrow the plan to these providers or groups; absent or empty: everything. */
  targets?: readonly PlanTarget[];
  /** Whether the estimate may count joins through a platform's bulk path (default true; `--no-bulk`). */
  bulk?: boolean;
}

/**
 * Plans every provider instance that has a LiveState in `live`; declared groups of instances that were not
 * read are not planned (the caller reads what it targets). Throws PlanError only for inconsistent input.
 */
export function plan(desired: DesiredState, live: readonly LiveState[], options: PlanOptions): Plan {
  let changes: Change[] = [];
  let findings: Finding[] = [];
  const emailIndexes = new Map(live.map((state) => [state, indexByEmail(state.customers)]));
  const emailIndex = (state: LiveState): EmailIndex => emailIndexes.get(state)!;
  for (const state of live) {
    const result = planProvider(desired, state, emailIndex(state), instanceOf(desired, state.provider), capabilitiesOf(options, state.provider), options);
    // concat, not push(...): a provider's changes or findings may be a million, more arguments than a call takes.
    changes = changes.concat(result.changes);
    findings = findings.concat(result.findings);
  }
  const targets = options.targets ?? [];
  const rulesOf = (provider: string): Capabilities => capabilitiesOf(options, provider);
  if (targets.length > 0) {
    const all = changes;
    changes = changes.filter((change) => inTargets(change, targets));
    findings = findings.filter((finding) => findingInTargets(finding, targets));
    findings.push(...missingPrerequisites(all, changes, rulesOf));
  }
  // Counted over the changes the targets keep: the customers that this plan moves out of ignored groups.
  for (const state of live) {
    const moves = changes.filter((change): change is MembershipChange => change.kind === 'membership' && change.provider === state.provider);
    findings.push(...leavingIgnored(instanceOf(desired, state.provider), state.groups, moves));
  }
  const ordered = orderChanges(changes, rulesOf);
  changes = ordered.changes;
  findings.push(...ordered.findings);
  if (!options.force) findings.push(...checkSafety(changes, live, desired.providers, desired.groups));
  return {
    formatVersion: 1,
    configHash: desired.configHash,
    fingerprint: fingerprint(live),
    changes,
    findings,
    summary: summarize(changes),
    estimate: estimateCost(changes, desired, live, options.capabilities, options.bulk ?? true, emailIndex),
  };
}

function planProvider(
  desired: DesiredState,
  state: LiveState,
  customers: EmailIndex,
  instance: ProviderInstance,
  capabilities: Capabilities,
  options: PlanOptions,
): { changes: Change[]; findings: Finding[] } {
  const declared = desired.groups.filter((group) => group.provider === state.provider);
  const identity = matchGroups(state.provider, declared, state.groups, capabilities.identity);
  const allowed = withoutIgnored(instance, capabilities.identity, identity.resolved);
  const groups = planGroups(instance, capabilities, allowed.resolved, identity.claimed, state.groups);
  const names = checkNames({
    instance,
    unique: capabilities.unique,
    maxNameLength: capabilities.maxNameLength,
    live: state.groups,
    managedBy: new Map(allowed.resolved.flatMap(({ desired: group, live }) => (live ? [[live.id, group] as const] : []))),
    declared: new Map(declared.map((group) => [group.key, group])),
    changes: groups.changes,
  });
  const memberships = planMemberships({
    live: state,
    customers,
    declared,
    resolved: allowed.resolved,
    emptied: capabilities.deleteUnassignsMembers ? [] : groups.deleted,
    strict: options.strict ?? false,
  });
  const unassigned = capabilities.deleteUnassignsMembers ? unassignedByDelete(state, groups.deleted, memberships.changes) : [];
  return {
    changes: [...names.changes, ...memberships.changes],
    findings: [...identity.findings, ...allowed.findings, ...groups.findings, ...names.findings, ...memberships.findings, ...unassigned],
  };
}

export function summarize(changes: readonly Change[]): PlanSummary {
  // A temporary-name step is half of its group's rename: the group is counted once.
  const count = (action: Change['action']): number =>
    changes.filter((change) => change.kind === 'group' && change.action === action && !change.temporary).length;
  return {
    groupsToCreate: count('create'),
    groupsToUpdate: count('update'),
    groupsToDelete: count('delete'),
    customersToMove: changes.filter((change) => change.kind === 'membership').length,
  };
}

function instanceOf(desired: DesiredState, name: string): ProviderInstance {
  const instance = desired.providers.find((candidate) => candidate.name === name);
  if (!instance) throw new PlanError('plan-input', `live state was read for provider ${name}, which ${desired.configFile} does not declare`);
  return instance;
}

function capabilitiesOf(options: PlanOptions, name: string): Capabilities {
  const capabilities: Capabilities | undefined = options.capabilities[name];
  if (!capabilities) throw new PlanError('plan-input', `no capabilities given for provider ${name}`);
  return capabilities;
}
