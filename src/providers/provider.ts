// The contract every platform adapter fulfils. Adapters know nothing of the CLI or the planner's internals.
import type { CostModel, DesiredGroup, GroupChange, LiveState, MembershipChange, ProviderInstance, Attributes, UniqueFields } from '../model.js';
import type { HttpLog } from '../http/log.js';

/** What a platform can do, as data the planner and apply engine read. */
export interface Capabilities {
  /**
   * How a declared group finds its live group when no id is pinned: by the platform's unique code, by exact name,
   * or by name ignoring case where the platform keeps names unique that way (two names differing only in case
   * cannot both exist, so the live one is the group the declared name means).
   */
  identity: 'code' | 'name' | 'name-ignoring-case';
  /** Which group fields no two groups may share, and how the platform compares them. */
  unique: UniqueFields;
  /** Longest group name the platform accepts, in characters (temporary names are cut to fit); null: no limit known. */
  maxNameLength: number | null;
  /** Whether groups can be deleted through the API. */
  delete: boolean;
  /** Whether deleting a group unassigns its customers on the platform itself. */
  deleteUnassignsMembers: boolean;
  /** Most membership changes one write call can carry (1: one call per customer). */
  batchMembership: number;
  /** Group fields this platform manages, in the config's names. */
  fields: readonly string[];
  /** Most calls in flight at once, within the platform's documented limits. */
  concurrency: number;
  /** API cost of reads and changes, for the plan's estimate. */
  cost: CostModel;
}

/** What a read must cover. */
export interface ReadScope {
  /** The declared groups on this provider instance. */
  groups: DesiredGroup[];
  /** Every declared member's e-mail (lower case) on this provider instance. */
  emails: string[];
  /** Read every live group, not only the declared ones (prune, import). */
  allGroups: boolean;
}

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
}

export interface ProviderContext {
  /** Where every HTTP call is recorded (for --log-file and tests); never holds secrets. */
  log?: HttpLog;
  /** Called when the client waits (rate limit, retry), for progress output. */
  onWait?: (message: string) => void;
}

export type ProviderFactory = (instance: ProviderInstance, context: ProviderContext) => Provider;
