// A scenario as the planner's inputs, built in memory for the pure cases (plan, render): one Commerce Layer
// instance whose declared groups all exist live.
import type { DesiredState, LiveState, ProviderInstance } from '../../src/model.js';
import type { PlanOptions } from '../../src/plan/index.js';
import { capabilities } from '../../src/providers/commercelayer/index.js';
import { groupName, type Scenario } from './scenario.js';

export interface PlanInput {
  desired: DesiredState;
  live: LiveState[];
  options: PlanOptions;
}

const PROVIDER = 'cl';

const instance: ProviderInstance = {
  name: PROVIDER,
  type: 'commercelayer',
  settings: {},
  secrets: {},
  prune: false,
  ignore: [],
  // Generous limits: the checks run in full but refuse nothing, so the plan carries every change.
  safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 0 },
};

const groupId = (g: number): string => `Grp${String(g).padStart(7, '0')}`;

export function planInput(scenario: Scenario): PlanInput {
  const desired: DesiredState = {
    configFile: 'groups.yaml',
    configHash: 'bench',
    providers: [instance],
    groups: scenario.groups.map((key, g) => ({
      key,
      provider: PROVIDER,
      attributes: { name: groupName(key) },
      members: scenario.members[g]!,
      membership: 'authoritative',
      protect: false,
    })),
  };
  const live: LiveState = {
    provider: PROVIDER,
    groups: scenario.groups.map((key, g) => ({ id: groupId(g), code: key, name: groupName(key), attributes: { name: groupName(key) } })),
    customers: scenario.customers.map((c, i) => ({ id: `Cus${i}`, email: c.email, groupId: c.group === null ? null : groupId(c.group) })),
  };
  return { desired, live: [live], options: { capabilities: { [PROVIDER]: capabilities } } };
}
