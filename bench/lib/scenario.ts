// A merchant's situation, independent of platform: declared groups with their members, and where each
// customer is live. emulated.ts turns it into an emulator seed and a DesiredState for any platform.

interface LiveCustomerSpec {
  email: string;
  /** Index into `Scenario.groups` of the group it is in now; null: none. */
  group: number | null;
}

export interface Scenario {
  /** Declared group keys (also their codes on Commerce Layer); each exists live, named `Group <key>`. */
  groups: string[];
  /** Declared members per group, by index. */
  members: string[][];
  customers: LiveCustomerSpec[];
}

export interface ScenarioShape {
  groups: number;
  /** Declared members per group. */
  membersPerGroup: number;
  /** Shares of declared members live in another declared group (move) and in none (join); the rest are in place. */
  moveShare: number;
  joinShare: number;
  /** Live customers in a declared group that the config does not list: they leave it. */
  undeclared: number;
  /** Live customers in no group and not declared: what a read must not fetch. */
  bystanders: number;
}

export const groupName = (key: string): string => `Group ${key}`;

/** Membership changes the scenario's plan holds: moves, joins and leaves. */
export function expectedChanges(shape: ScenarioShape): number {
  const declared = shape.groups * shape.membersPerGroup;
  return Math.round(declared * (shape.moveShare + shape.joinShare)) + shape.undeclared;
}

/** Declared member j of group g is live elsewhere when j's position in every 100 falls in the move, then join, share. */
export function buildScenario(shape: ScenarioShape): Scenario {
  const groups = Array.from({ length: shape.groups }, (_, g) => `g${String(g).padStart(3, '0')}`);
  const members: string[][] = groups.map(() => []);
  const customers: LiveCustomerSpec[] = [];
  let n = 0;
  const email = (): string => `customer.${n++}@example.com`;
  // In whole percents, so that shares like 0.2 + 0.1 do not round over a boundary.
  const moves = Math.round(shape.moveShare * 100);
  const joins = moves + Math.round(shape.joinShare * 100);
  for (let j = 0; j < shape.membersPerGroup; j++) {
    const slot = j % 100;
    for (let g = 0; g < shape.groups; g++) {
      const address = email();
      members[g]!.push(address);
      const group = slot < moves ? (g + 1) % shape.groups : slot < joins ? null : g;
      customers.push({ email: address, group });
    }
  }
  for (let i = 0; i < shape.undeclared; i++) customers.push({ email: email(), group: i % shape.groups });
  for (let i = 0; i < shape.bystanders; i++) customers.push({ email: email(), group: null });
  return { groups, members, customers };
}
