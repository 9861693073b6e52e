// What the plan renderers (text, markdown) share: the plan cut into per-provider sections of blocks, and
// field values shown as JSON, with a line diff for structured values. Pure; no colour, no layout.
import { diffLines } from 'diff';
import { PLATFORM_NAMES, type GroupChange, type Json, type MembershipChange, type Plan, type ProviderInstance } from '../model.js';
import { groupAddress, groupRefLabel, memberLabel } from '../plan/address.js';
import { canonicalJson } from '../plan/values.js';

/** Customers joining a group (from no group: create; from another: update), or leaving one for none. */
export interface MemberBlock {
  kind: 'join' | 'leave';
  /** The group's label: `cl/vip`, or `bc/#12 (Name)` for one the config does not declare. */
  group: string;
  /** The group's address (`cl/vip`, `bc/#12`): the same as its group change's, if it has one. */
  address: string;
  changes: MembershipChange[];
}

export type Block = { kind: 'group'; change: GroupChange } | MemberBlock;

export interface Section {
  provider: string;
  blocks: Block[];
}

/** What a heading may tell of a provider instance: its platform and store, never a secret (kept apart). */
export type ProviderInfo = Pick<ProviderInstance, 'name' | 'type' | 'settings'>;

/** `cl (Commerce Layer, northwind.commercelayer.io)`, `bc (BigCommerce, store abc123)`; the bare name when unknown. */
export function providerTitle(name: string, providers: readonly ProviderInfo[] = []): string {
  const info = providers.find((provider) => provider.name === name);
  if (!info) return name;
  const store = info.type === 'bigcommerce' && info.settings.store_hash ? `store ${info.settings.store_hash}` : hostOf(info.settings.base_url);
  return `${name} (${[PLATFORM_NAMES[info.type], store].filter(Boolean).join(', ')})`;
}

/** The host of a web address, without any user or password it may carry. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Provider names in the config's order (`order`), any others after them by name. */
export function byProviderOrder<T>(items: readonly T[], providerOf: (item: T) => string, order: readonly string[] = []): T[] {
  const rank = (name: string): number => {
    const index = order.indexOf(name);
    return index < 0 ? order.length : index;
  };
  return [...items].sort((a, b) => {
    const [x, y] = [providerOf(a), providerOf(b)];
    return rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0);
  });
}

/** Sections by provider, in `order` (the config's); blocks in plan order, memberships gathered per group. */
export function sections(plan: Plan, order: readonly string[] = []): Section[] {
  const byProvider = new Map<string, { blocks: Block[]; memberBlocks: Map<string, MemberBlock> }>();
  for (const change of plan.changes) {
    let section = byProvider.get(change.provider);
    if (!section) byProvider.set(change.provider, (section = { blocks: [], memberBlocks: new Map() }));
    if (change.kind === 'group') {
      section.blocks.push({ kind: 'group', change });
      continue;
    }
    const kind = change.after === null ? 'leave' : 'join';
    const ref = change.after ?? change.before;
    const group = ref ? groupRefLabel(change.provider, ref) : change.provider;
    const address = ref ? groupAddress(change.provider, ref.key, ref.id) : change.provider;
    const id = `${kind} ${group}`;
    const block = section.memberBlocks.get(id);
    if (block) {
      block.changes.push(change);
    } else {
      const created: MemberBlock = { kind, group, address, changes: [change] };
      section.memberBlocks.set(id, created);
      section.blocks.push(created);
    }
  }
  return byProviderOrder(
    [...byProvider].map(([provider, { blocks }]) => ({ provider, blocks })),
    (section) => section.provider,
    order,
  );
}

/** One group's blocks in a section: its group change(s) and its customers joining or leaving. */
export interface GroupBlocks {
  /** The group's address (`cl/vip`, `bc/#9`). */
  address: string;
  /** Its address, with its name when the config does not declare it: `bc/#9 (Legacy)`. */
  label: string;
  blocks: Block[];
}

/** A section's blocks gathered per group, in the order the groups first appear; a temporary-name step with its group. */
export function groupsOf(section: Section): GroupBlocks[] {
  const byGroup = new Map<string, GroupBlocks>();
  for (const block of section.blocks) {
    const address = block.kind === 'group' ? groupChangeAddress(block.change) : block.address;
    const group = byGroup.get(address);
    if (group) group.blocks.push(block);
    else byGroup.set(address, { address, label: block.kind === 'group' ? groupLabel(block.change) : block.group, blocks: [block] });
  }
  return [...byGroup.values()];
}

function groupLabel(change: GroupChange): string {
  const name = change.before?.name;
  const address = groupChangeAddress(change);
  return change.key === null && typeof name === 'string' ? `${address} (${name})` : address;
}

/** What happens to a group, in a few words each: `update group`, `temporary name`, `2 customers join`. */
export function groupWhat(blocks: readonly Block[]): string[] {
  return blocks.map((block) => {
    if (block.kind === 'group') return block.change.temporary ? 'temporary name' : `${block.change.action} group`;
    const verb = block.kind === 'join' ? 'join' : 'leave';
    return `${count(block.changes.length, 'customer')} ${block.changes.length === 1 ? `${verb}s` : verb}`;
  });
}

/** A change's sign: + create, ~ update, - delete; blank for context lines of a diff. */
export type Mark = '+' | '~' | '-' | ' ';

export interface MarkedLine {
  mark: Mark;
  text: string;
}

/**
 * `create group cl/vip`, `update group bc/wholesale`, `delete group bc/#9 (Legacy)`, and the first step of a rename
 * through a temporary name: `update group bc/a (temporary name: frees "A")`.
 */
export function groupTitle(change: GroupChange): string {
  if (change.temporary) return `update group ${groupChangeAddress(change)} (temporary name: frees ${showValue(change.before?.name)})`;
  const name = change.action === 'delete' ? change.before?.name : undefined;
  return `${change.action} group ${change.address}${typeof name === 'string' ? ` (${name})` : ''}`;
}

/** The address of the group a change is about: a temporary-name step's is its group's. */
function groupChangeAddress(change: GroupChange): string {
  return groupAddress(change.provider, change.key, change.id);
}

/** `2 customers join cl/vip`, `1 customer leaves bc/#9 (Legacy)`. */
export function memberBlockTitle(block: MemberBlock): string {
  const n = block.changes.length;
  const verb = block.kind === 'join' ? (n === 1 ? 'joins' : 'join') : n === 1 ? 'leaves' : 'leave';
  return `${count(n, 'customer')} ${verb} ${block.group}`;
}

/**
 * Up to `max` customers of a block (`~ a@x.com (from cl/staff)` for a move), and how many are left out;
 * `email` shows an address (masked or not).
 */
export function memberLines(block: MemberBlock, max: number, email: (text: string) => string = (text) => text): { lines: MarkedLine[]; more: number } {
  const lines = block.changes.slice(0, max).map((change): MarkedLine => {
    const who = memberLabel(change);
    switch (change.action) {
      case 'create':
        return { mark: '+', text: email(who) };
      case 'update':
        return { mark: '~', text: email(change.before ? `${who} (from ${groupRefLabel(change.provider, change.before)})` : who) };
      case 'delete':
        return { mark: '-', text: email(who) };
    }
  });
  return { lines, more: block.changes.length - lines.length };
}

/** A field value as (possibly multi-line) JSON with sorted keys. */
export function showValue(value: Json | undefined): string {
  return canonicalJson(value ?? null, 2);
}

export function isStructured(value: Json | undefined): boolean {
  return value !== null && typeof value === 'object';
}

/** A line diff of two field values' JSON, for objects and arrays. */
export function valueDiff(before: Json | undefined, after: Json | undefined): MarkedLine[] {
  return diffLines(showValue(before) + '\n', showValue(after) + '\n').flatMap((part) => {
    const mark: Mark = part.added ? '+' : part.removed ? '-' : ' ';
    return part.value
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ mark, text }));
  });
}

/** `1 customer` / `3 customers`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
