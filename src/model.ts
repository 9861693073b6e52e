// The domain types every stage shares: desired state (from config), live state (from providers),
// and the plan between them. Types of the raw YAML come from the JSON Schema (src/config/schema-types.ts).

export type ProviderType = 'commercelayer' | 'bigcommerce' | 'xtrakit';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Managed fields of a group, keyed by the config's field names (`name`, `description`, `metadata`, …). */
export type Attributes = Record<string, Json>;

/** A place in a config file, 1-based, for messages a person can jump to. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

type Severity = 'error' | 'warning';

/** One problem found in a config or a plan: every stage reports these as data, never by printing. */
export interface Finding {
  severity: Severity;
  /** Stable machine code, e.g. `unknown-property`, `duplicate-member`, `customer-not-found`. */
  code: string;
  /** A plain sentence for a merchant. Never holds a secret. */
  message: string;
  pos?: SourcePos;
  /** Provider instance name, when the finding concerns one. */
  provider?: string;
  /**
   * The key of the declared group the finding concerns, when it concerns one. A `--target provider/key` keeps
   * a provider's findings only for its key, as it keeps changes; a finding about a live group the file does
   * not declare has none, and only a whole-provider target keeps it.
   */
  group?: string;
}

/** Findings of one kind listed per group: enough to act on, and few enough that a million bad lines (or missing customers) cannot exhaust memory. */
const MAX_LISTED = 100;

/** Lists the first MAX_LISTED findings made by `add` into `findings`; `close` adds one that counts the rest. */
export function listedFindings(findings: Finding[], key: string): { add(make: () => Finding): void; close(): void } {
  let count = 0;
  let next: Finding | undefined;
  return {
    add(make) {
      count++;
      if (count <= MAX_LISTED) findings.push(make());
      else if (count === MAX_LISTED + 1) next = make();
    },
    close() {
      if (!next) return;
      const more = count - MAX_LISTED - 1;
      const rest = more === 0 ? '' : ` And ${more.toLocaleString('en-US')} more like it in group '${key}' (only the first ${MAX_LISTED + 1} are listed).`;
      findings.push({ ...next, message: next.message + rest });
    },
  };
}

type MembershipMode = 'authoritative' | 'additive';

/**
 * How a platform compares the values of a group field that no two of its groups may share: exactly, ignoring
 * case, or not at all ('none': duplicates are allowed). Planner and adapters share it: the planner refuses a
 * name another group holds and orders renames so that every name is free when it is taken.
 */
export type Uniqueness = 'exact' | 'ignoring-case' | 'none';

/** Which group fields a platform keeps unique, and how. */
export interface UniqueFields {
  name: Uniqueness;
  /** The platform's own code (Commerce Layer's); 'none' where groups have none. */
  code: Uniqueness;
}

/** A platform's rules for group names, known before any call. */
export interface NameRules {
  unique: UniqueFields;
  /** The longest name, in characters (code points, as the platforms count them); null where none is documented. */
  maxNameLength: number | null;
  /** Whether the platform trims a name before it keeps, counts or compares it (Laravel's TrimStrings). */
  trims: boolean;
}

/**
 * One table for the config's rules (validate), the planner (names that must be free, temporary names) and the
 * adapters' capabilities. BigCommerce: unique exactly, at most 255 (what its API refuses with 409 / 422).
 * Xtrakit: a Laravel `unique` rule on MySQL's case-insensitive collation, `string|max:255`, trimmed input.
 * Commerce Layer: groups are told apart by code (unique per organization, ignoring case); names need not be unique
 * and have no documented length.
 */
export const NAME_RULES: Readonly<Record<ProviderType, NameRules>> = {
  commercelayer: { unique: { name: 'none', code: 'ignoring-case' }, maxNameLength: null, trims: false },
  bigcommerce: { unique: { name: 'exact', code: 'none' }, maxNameLength: 255, trims: false },
  xtrakit: { unique: { name: 'ignoring-case', code: 'none' }, maxNameLength: 255, trims: true },
};

/** The platforms' own names, for messages and headings. */
export const PLATFORM_NAMES: Readonly<Record<ProviderType, string>> = { commercelayer: 'Commerce Layer', bigcommerce: 'BigCommerce', xtrakit: 'Xtrakit' };

/** A rate limit: at most `limit` calls in any `windowMs`. */
interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Which calls a platform counts apart: reads (GET) and writes (POST, PUT, PATCH, DELETE). */
export type CallClass = 'read' | 'write';

/**
 * One documented rate limit as data, shared by the adapters (which pace their calls by it) and the planner
 * (which estimates the time a plan takes). Commerce Layer counts reads and writes apart, each with an average
 * over the class and a burst per endpoint; BigCommerce and Xtrakit count every call against one budget.
 */
export interface RateRule extends RateWindow {
  /** The calls this limit counts: reads, writes, or every call. */
  counts: CallClass | 'all';
  /** Whether each endpoint (method + route) has a budget of its own of this size (a burst limit). */
  perEndpoint: boolean;
}

/** Commerce Layer's two environments, whose rate limits differ (live allows twice test's). */
export type ClEnvironment = 'test' | 'live';

/** A value read from the environment for a secret field: it never prints itself. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The real value, for the one place that sends it (the HTTP client). */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[redacted]';
  }
}

/** Safety limits, as shares of live objects (0..1), that a plan may not exceed without `--force`. */
export interface SafetyLimits {
  /** Largest share of a provider's live groups a plan may update or delete. */
  maxGroupChangeShare: number;
  /** Largest share of one group's live members a plan may remove. */
  maxMemberRemoveShare: number;
  /** Limits only apply where at least this many objects exist. */
  minObjects: number;
}

/** One provider instance of the config (a merchant may have two BigCommerce stores). */
export interface ProviderInstance {
  /** The instance's key in `providers:`. */
  name: string;
  type: ProviderType;
  /** Plain settings (base_url, auth_url, store_hash, scope, …) after `${VAR}` interpolation. */
  settings: Record<string, string>;
  /** Credentials (client_id is not secret; client_secret, access_token, api_key are). */
  secrets: Record<string, Secret>;
  prune: boolean;
  /** Glob patterns (`*` wildcard) of live group names that are never touched. */
  ignore: string[];
  safety: SafetyLimits;
  pos?: SourcePos;
}

/** One declared group as it must be on one provider instance. */
export interface DesiredGroup {
  /** The group's key in `groups:`: its identity, stable across renames. */
  key: string;
  provider: string;
  /** Managed fields in the config's names; only those the file declares. */
  attributes: Attributes;
  /**
   * Declared members: lower-cased e-mail addresses, each once. Null when the file declares neither `members`
   * nor `members_file`: the group's memberships are not managed (no joins, no leaves), as with any field left
   * out; `[]` declares an empty group.
   */
  members: string[] | null;
  /**
   * Where `members[index]` is written: its inline list item in the config file, or its line of the
   * members file. A lookup rather than an array of positions: members files may hold a million lines,
   * and only the few members a finding names ever need a place. Absent: findings point at `pos`.
   */
  memberPos?: (index: number) => SourcePos;
  membership: MembershipMode;
  /** Remote id pinned in `ids:` for this provider. */
  pinnedId?: string;
  /** `protect: true` refuses any plan that deletes the group. */
  protect: boolean;
  pos?: SourcePos;
}

/** The whole declaration, validated and resolved; what the planner wants. */
export interface DesiredState {
  configFile: string;
  /** sha256 of the config file and its members files, to tie saved plans to a config. */
  configHash: string;
  providers: ProviderInstance[];
  groups: DesiredGroup[];
}

/** A group as it is on a platform, mapped to the config's field names. */
export interface LiveGroup {
  id: string;
  /** The platform's own unique key where it has one (Commerce Layer `code`). */
  code?: string | null;
  name: string;
  attributes: Attributes;
  /** The platform's modification time (ISO 8601), when it gives one. */
  updatedAt?: string;
}

/** A customer relevant to the plan: a member of a managed group, or declared in the config. */
export interface LiveCustomer {
  id: string;
  email: string;
  groupId: string | null;
  updatedAt?: string;
}

/** What one provider instance read: the managed groups and the customers the plan needs. */
export interface LiveState {
  provider: string;
  groups: LiveGroup[];
  customers: LiveCustomer[];
  /**
   * Names of other live groups, by id, where the read got them at no cost: labels only (`bc/#1 (Retail)` for
   * a customer moving out of a group the config does not manage), never used for identity.
   */
  groupNames?: Record<string, string>;
  /**
   * Customers the read listed to find these, where the platform has no filter that finds them alone (Xtrakit
   * lists every customer): for the plan's estimate of the read's calls.
   */
  customersListed?: number;
}

// ---- plan vocabulary, after Terraform's internal/plans ----

type Action = 'create' | 'update' | 'delete';

/** A group as a membership change refers to it: its declared key, and its id once it exists. */
export interface GroupRef {
  /** Declared key; null for a live group the config does not declare. */
  key: string | null;
  /** Remote id; null for a group this plan creates. */
  id: string | null;
  name: string;
}

export interface GroupChange {
  kind: 'group';
  action: Action;
  /** `provider/key` for declared groups, `provider/#id` for live-only ones. */
  address: string;
  provider: string;
  key: string | null;
  /** Remote id; null on create. */
  id: string | null;
  /** Live values of the managed fields (the precondition); null on create. */
  before: Attributes | null;
  /** Desired values; null on delete. */
  after: Attributes | null;
  /**
   * Only on an update that gives the group a temporary name, the first of two steps when renames form a cycle
   * (A→B, B→A): it frees the group's name for another group; the group's own update later gives it the
   * declared name. Its address is the group's with `:temporary-name` appended.
   */
  temporary?: true;
}

/** A customer entering (create), moving between (update) or leaving (delete) a group. */
export interface MembershipChange {
  kind: 'membership';
  action: Action;
  /** `provider/members/email`; `provider/members/#id` when the e-mail does not name the customer alone. */
  address: string;
  provider: string;
  customerId: string;
  /** Lower case; '' for a customer without one (Xtrakit), who can only be removed from a group. */
  email: string;
  /** The group the customer is in now; null when in none. */
  before: GroupRef | null;
  /** The group the customer must be in; null to leave every group. */
  after: GroupRef | null;
}

export type Change = GroupChange | MembershipChange;

export interface PlanSummary {
  groupsToCreate: number;
  groupsToUpdate: number;
  groupsToDelete: number;
  customersToMove: number;
}

/** What a run costs on one provider instance: its read and its changes' writes, and time at the platform's rate limit. */
export interface CostEstimate {
  provider: string;
  /** API calls the read and the changes take. */
  calls: number;
  /** Of those, the read's (absent in plans made before reads were counted). */
  reads?: number;
  /** Of those, the changes' (absent in plans made before reads were counted). */
  writes?: number;
  /** Least seconds those calls take at the documented rate limit; null where the platform documents none. */
  seconds: number | null;
}

export interface Plan {
  formatVersion: 1;
  configHash: string;
  /** sha256 over the live state the plan was computed from. */
  fingerprint: string;
  /**
   * Ordered so that every name is free when it is taken (DESIGN.md §3): customers out of groups about to be
   * deleted, deletes, renames (temporary names first), creates, other updates, membership moves, unassigns, and
   * last the deletes of groups whose customers move into groups this plan creates.
   */
  changes: Change[];
  /** Warnings (customers not found, …) and, when refused, the safety errors. */
  findings: Finding[];
  summary: PlanSummary;
  /** API cost per provider instance that was read, by name; absent in plans made before estimates existed. */
  estimate?: CostEstimate[];
}

// ---- what a platform can do and what a read covers: the planner's vocabulary, which the adapters fill in ----

/** What reading and applying cost on a platform, as data for the plan's estimate. */
interface CostModel {
  /** Calls one group change takes, by action. */
  groupCalls: Readonly<Record<Action, number>>;
  /** Calls one membership batch (up to `batchMembership` changes) takes. */
  batchCalls: number;
  /** The documented rate limits, reads' and writes' (the limiter keeps the same rules); empty when none is known. */
  rateLimits: readonly RateRule[];
  /** The platform's asynchronous bulk path for joins and moves (Commerce Layer imports); absent where none. */
  bulk?: BulkCost;
  /** What a read costs, by the figures the adapter reads by. */
  read: ReadCostModel;
}

/**
 * How a platform's read finds what a plan needs, as data: the adapter reads by these figures, and the plan's
 * estimate counts its calls by them. A list costs a call per page, and at least one.
 */
export interface ReadCostModel {
  /** Calls every read makes before any list (an access token). */
  fixedCalls: number;
  /**
   * Groups: looked up by `in` filters of `perCall` declared codes and pinned ids (a full read: every group, in
   * pages of `perCall`), or listed whole in pages of `perCall`. `firstPageOnly`: the listing stops at its first
   * page; when that is full, each declared name is looked up and each pinned id not on it retrieved (a full
   * read: a count, then the other pages).
   */
  groups: { by: 'filter' | 'listing'; perCall: number; firstPageOnly?: boolean };
  /**
   * Customers: the managed groups' members by `in` filters of `groupIdsPerList` ids, then the declared customers
   * those pages did not bring, by `in` filters of `emailsPerList` e-mails; or, where no e-mail filter exists,
   * every customer listed. `viaExport`: a members' list whose first page shows it fits one export, and that its
   * other pages would take more calls than the export, is read through the export (unless bulk reads are off).
   */
  customers: { by: 'filter'; pageSize: number; groupIdsPerList: number; emailsPerList: number; viaExport?: BulkCost } | { by: 'listing'; pageSize: number };
}

/** What one bulk job costs: it carries up to `maxItems` rows (joins or moves in, records out) in `calls` calls (its create, polls, download). */
interface BulkCost {
  maxItems: number;
  calls: number;
}

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
  /** API cost of changes, for the plan's estimate. */
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
  /** Whether large lists may be read through the platform's bulk exports where cheaper (default true; `--no-bulk`). */
  bulk?: boolean;
  /**
   * Whether customers keep their modification time (`updatedAt`), which only drift uses to classify changes;
   * default false: at a million customers the times are 40 MB a plan never reads.
   */
  customerTimes?: boolean;
}
