// The contract every platform adapter fulfils. Adapters know nothing of the CLI or the planner's internals.
import type { Attributes, Capabilities, GroupChange, LiveState, MembershipChange, ProviderInstance, ReadScope } from '../model.js';
import type { ClientActivity, HttpLog } from '../http/index.js';

/** A membership change with its target group's id resolved (groups created earlier in the run included). */
export interface ResolvedMembershipChange {
  change: MembershipChange;
  /** The id of `change.after`'s group; null to leave every group. */
  groupId: string | null;
}

export interface MembershipResult {
  change: MembershipChange;
  error?: Error;
}

/** The outcome of one group change: the id (new on create), and a platform warning if it only half succeeded. */
export interface GroupResult {
  id: string;
  warning?: string;
}

export interface Provider {
  /** The instance's name in the config (`cl`, `bc-eu`, …). */
  readonly name: string;
  /** The platform. */
  readonly type: ProviderInstance['type'];
  /** What the platform can do. */
  readonly capabilities: Capabilities;
  /** Maps a declared group's fields to comparable values (normalised as the platform echoes them). Pure. */
  normalize(attributes: Attributes): Attributes;
  /** Reads the groups and customers the scope needs. */
  read(scope: ReadScope): Promise<LiveState>;
  /** Creates, updates or deletes one group. */
  applyGroup(change: GroupChange): Promise<GroupResult>;
  /** Applies up to `capabilities.batchMembership` membership changes; per-item failures come back as data. */
  applyMemberships(batch: ResolvedMembershipChange[]): Promise<MembershipResult[]>;
  /**
   * Joins and moves (every `groupId` set) through the bulk path `capabilities.cost.bulk` describes, any number
   * at once; per-item failures come back as data. Absent where the platform has no bulk path.
   */
  applyMembershipsBulk?(changes: ResolvedMembershipChange[]): Promise<MembershipResult[]>;
}

export interface ProviderContext {
  /** Where every HTTP call is recorded (for --log-file and tests); never holds secrets. */
  log?: HttpLog;
  /** Called when the client waits (rate limit, retry), for progress output. */
  onWait?: (message: string) => void;
  /** Told where the platform API client's work stands (calls done, to go, held back), for progress with an ETA. */
  onActivity?: (activity: ClientActivity) => void;
}

export type ProviderFactory = (instance: ProviderInstance, context: ProviderContext) => Provider;
