// Desired and live states built in memory for the pure cases (plan, render): one Commerce Layer instance,
// `groups` declared groups that all exist live, and customers spread over them round-robin.
import type { DesiredGroup, DesiredState, LiveCustomer, LiveState, ProviderInstance } from '../../src/model.js';
import type { PlanOptions } from '../../src/plan/index.js';
import { capabilities } from '../../src/providers/commercelayer/index.js';

export interface Shape {
  groups: number;
  /** Declared members, each a live customer. */
  members: number;
  /** Share of declared members that are live in another group (moves: update). */
  moveShare: number;
  /** Share of declared members that are live in no group (joins: create). */
  joinShare: number;
  /** Live customers in a declared group that the config does not list (they leave: delete). */
  undeclared: number;
}

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

const key = (g: number): string => `group-${g}`;
const groupId = (g: number): string => `Grp${String(g).padStart(7, '0')}`;
const email = (i: number): string => `customer.${i}@example.com`;

/** Member i belongs to group i mod groups; among every 100 members the first moveShare%, then joinShare%, are out of place. */
export function planInput(shape: Shape): PlanInput {
  const members: string[][] = Array.from({ length: shape.groups }, () => []);
  const customers: LiveCustomer[] = [];
  for (let i = 0; i < shape.members; i++) {
    const g = i % shape.groups;
    members[g]!.push(email(i));
    const slot = (i % 100) / 100;
    const live = slot < shape.moveShare ? groupId((g + 1) % shape.groups) : slot < shape.moveShare + shape.joinShare ? null : groupId(g);
    customers.push({ id: `Cus${i}`, email: email(i), groupId: live });
  }
  for (let i = shape.members; i < shape.members + shape.undeclared; i++) {
    customers.push({ id: `Cus${i}`, email: email(i), groupId: groupId(i % shape.groups) });
  }
  const groups: DesiredGroup[] = members.map((list, g) => ({
    key: key(g),
    provider: PROVIDER,
    attributes: { name: `Group ${g}` },
    members: list,
    membership: 'authoritative',
    protect: false,
  }));
  const liveGroups = groups.map((group, g) => ({ id: groupId(g), code: group.key, name: `Group ${g}`, attributes: { name: `Group ${g}` } }));
  return {
    desired: { configFile: 'groups.yaml', configHash: 'bench', providers: [instance], groups },
    live: [{ provider: PROVIDER, groups: liveGroups, customers }],
    options: { capabilities: { [PROVIDER]: capabilities } },
  };
}
