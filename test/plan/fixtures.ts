// Small builders for planner inputs, so each test shows only what it is about.
import type { Capabilities, DesiredGroup, DesiredState, LiveCustomer, LiveGroup, LiveState, ProviderInstance, ProviderType } from '../../src/model.js';
import type { PlanOptions } from '../../src/plan/plan.js';

/** One call per change, no rate limit: tests of other things than the estimate. */
const UNPRICED: Capabilities['cost'] = {
  groupCalls: { create: 1, update: 1, delete: 1 },
  batchCalls: 1,
  rateLimits: [],
  // A read of one page of groups and one of customers.
  read: { fixedCalls: 0, groups: { by: 'listing', perCall: 1000 }, customers: { by: 'listing', pageSize: 1000 } },
};

const TYPES: Record<string, ProviderType> = { cl: 'commercelayer', bc: 'bigcommerce', xk: 'xtrakit' };

/** Capabilities shaped like each platform's: cl matches by code, bc and xk by name. */
export const CAPABILITIES: Record<string, Capabilities> = {
  cl: {
    identity: 'code',
    unique: { name: 'none', code: 'ignoring-case' },
    maxNameLength: 255,
    delete: true,
    deleteUnassignsMembers: false,
    batchMembership: 1,
    fields: ['name', 'metadata'],
    concurrency: 4,
    cost: UNPRICED,
  },
  bc: {
    identity: 'name',
    unique: { name: 'exact', code: 'none' },
    maxNameLength: 255,
    delete: true,
    deleteUnassignsMembers: true,
    batchMembership: 10,
    fields: ['name', 'discount_rules'],
    concurrency: 3,
    cost: UNPRICED,
  },
  xk: {
    identity: 'name',
    unique: { name: 'ignoring-case', code: 'none' },
    maxNameLength: 255,
    delete: false,
    deleteUnassignsMembers: false,
    batchMembership: 1,
    fields: ['name', 'description'],
    concurrency: 2,
    cost: UNPRICED,
  },
};

export function options(extra: Partial<PlanOptions> = {}): PlanOptions {
  return { capabilities: CAPABILITIES, ...extra };
}

export function instance(name: string, extra: Partial<ProviderInstance> = {}): ProviderInstance {
  return {
    name,
    type: TYPES[name] ?? 'bigcommerce',
    settings: {},
    secrets: {},
    prune: false,
    ignore: [],
    // Limits that stay out of the way unless a test is about them.
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 1000 },
    ...extra,
  };
}

export function group(provider: string, key: string, extra: Partial<DesiredGroup> & { name?: string } = {}): DesiredGroup {
  const { name, ...rest } = extra;
  return {
    key,
    provider,
    attributes: { name: name ?? key.toUpperCase() },
    members: [],
    membership: 'authoritative',
    protect: false,
    ...rest,
  };
}

export function desired(groups: DesiredGroup[], providers: ProviderInstance[] = [instance('cl'), instance('bc'), instance('xk')]): DesiredState {
  return { configFile: 'groups.yaml', configHash: 'config-hash', providers, groups };
}

export function liveGroup(id: string, name: string, extra: Partial<LiveGroup> = {}): LiveGroup {
  return { id, name, attributes: { name }, ...extra };
}

export function customer(id: string, email: string, groupId: string | null = null): LiveCustomer {
  return { id, email, groupId };
}

export function live(provider: string, groups: LiveGroup[] = [], customers: LiveCustomer[] = []): LiveState {
  return { provider, groups, customers };
}
