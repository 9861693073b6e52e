// Imports and exports: Commerce Layer's asynchronous bulk APIs (https://docs.commercelayer.io/core/importing-resources,
// https://docs.commercelayer.io/core/exporting-resources; shared/providers §1.8). A job is `pending` when created,
// `in_progress` once started, then `completed`, or `interrupted` when an import's errors pass 10% of its inputs.
// Jobs advance with the clock, before every request the emulator serves, so a fake clock drives them in tests.
//
// Documented: at most 10,000 inputs per import and 10,000 records per export (refused at creation), at most 10
// pending or in-progress jobs of each kind per organization (`imports_max_concurrent_count`), an export of no
// records is an error, results are gzipped JSON behind an `attachment_url` that expires after 5 minutes, and an
// import creates the records it cannot find by `id` or by its unique key (customers: `email`), else updates them.
// Decided where nothing is documented: the processing speed (`rowsPerSecond`, `startDelayMs` knobs), the wording
// of the refusals (422 VALIDATION_ERROR), an `id` that names no record is that row's error (a client cannot
// choose a new record's id), and `errors_log` keys a row by its `id`, else its e-mail, else its index.
import { gzipSync } from 'node:zlib';
import type { Clock, JsonValue } from '../common/types.js';
import { randomString } from '../common/random.js';
import { JsonApiError, validationFailed } from './errors.js';
import { matchesAll, parsePredicates } from './filter.js';
import { customerRow, SPECS, type Node } from './resources.js';
import { ID_ALPHABET, normalizeEmail, type CustomerRecord } from './state.js';
import type { CommerceLayerStore, CustomerInput } from './store.js';

const MAX_IMPORT_INPUTS = 10_000;
const MAX_EXPORT_RECORDS = 10_000;
const MAX_CONCURRENT_JOBS = 10;
/** An import whose errors pass this share of its inputs is interrupted. */
const MAX_ERROR_SHARE = 0.1;
const ATTACHMENT_TTL_MS = 5 * 60_000;
export const FILES_PATH = '/_files/';

export interface BulkKnobs {
  /** Rows an import or export gets through per second once started. Default 1000. */
  rowsPerSecond?: number;
  /** From creation to start. Default 500 ms. */
  startDelayMs?: number;
}

type Status = 'pending' | 'in_progress' | 'completed' | 'interrupted';
type Kind = 'imports' | 'exports';
type Row = Record<string, JsonValue>;

interface Job {
  kind: Kind;
  id: string;
  status: Status;
  createdMs: number;
  /** Rows handled so far (processed or failed). */
  cursor: number;
  size: number;
  attributes: Record<string, JsonValue>;
  /** Import: its inputs. Export: its filters, to select the records at completion. */
  inputs: Row[];
  file?: Buffer;
}

/** The customer fields an import row may carry; `password` is accepted and not kept (the emulator stores none). */
const IMPORT_FIELDS = new Set(['id', 'email', 'password', 'customer_group_id', 'reference', 'reference_origin', 'metadata']);
/** What an export of customers carries per record: attributes, and relationships as `<name>_id`. */
const EXPORT_FIELDS = ['id', ...SPECS.customers.attributes, 'customer_group_id'];

export class BulkJobs {
  readonly #store: CommerceLayerStore;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #rowsPerSecond: number;
  readonly #startDelayMs: number;
  readonly #jobs = new Map<string, Job>();

  constructor(store: CommerceLayerStore, deps: { clock: Clock; random: () => number; knobs?: BulkKnobs }) {
    this.#store = store;
    this.#clock = deps.clock;
    this.#random = deps.random;
    this.#rowsPerSecond = Math.max(1, deps.knobs?.rowsPerSecond ?? 1000);
    this.#startDelayMs = Math.max(0, deps.knobs?.startDelayMs ?? 500);
  }

  list(kind: Kind): Job[] {
    return [...this.#jobs.values()].filter((job) => job.kind === kind);
  }

  get(kind: Kind, id: string): Job | undefined {
    const job = this.#jobs.get(id);
    return job?.kind === kind ? job : undefined;
  }

  createImport(attributes: Record<string, JsonValue>): Job {
    const inputs = attributes.inputs;
    checkType(attributes);
    if ((attributes.format ?? 'json') !== 'json') throw refusal('format', 'is not supported by the emulator (only json)');
    if (!Array.isArray(inputs) || inputs.length === 0) throw refusal('inputs', "can't be blank");
    if (inputs.length > MAX_IMPORT_INPUTS) throw refusal('inputs', `is too long (maximum is ${MAX_IMPORT_INPUTS} items)`);
    if (!inputs.every(isRow)) throw refusal('inputs', 'must be a list of objects');
    this.#checkConcurrency('imports');
    const { inputs: _, ...rest } = attributes;
    return this.#add('imports', inputs, {
      ...rest,
      format: 'json',
      parent_resource_id: rest.parent_resource_id ?? null,
      skip_errors: rest.skip_errors ?? false,
      inputs_size: inputs.length,
      errors_count: 0,
      warnings_count: 0,
      processed_count: 0,
      errors_log: {},
      warnings_log: {},
    });
  }

  createExport(attributes: Record<string, JsonValue>): Job {
    checkType(attributes);
    if ((attributes.format ?? 'json') !== 'json') throw refusal('format', 'is not supported by the emulator (only json)');
    if (Array.isArray(attributes.includes) && attributes.includes.length) throw refusal('includes', 'is not supported by the emulator');
    const fields = attributes.fields ?? [];
    if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string' && EXPORT_FIELDS.includes(f))) {
      throw refusal('fields', `must name fields of customers (${EXPORT_FIELDS.join(', ')})`);
    }
    const filters = attributes.filters ?? {};
    if (!isRow(filters)) throw refusal('filters', 'must be an object');
    const count = this.#select(filters).length;
    if (count === 0) throw refusal('records_count', 'must be greater than 0');
    if (count > MAX_EXPORT_RECORDS) throw refusal('records_count', `must be less than or equal to ${MAX_EXPORT_RECORDS}`);
    this.#checkConcurrency('exports');
    return this.#add('exports', [filters], {
      ...attributes,
      format: 'json',
      includes: attributes.includes ?? [],
      fields,
      filters,
      dry_data: attributes.dry_data ?? false,
      records_count: count,
      processed_count: 0,
      progress: 0,
      errors_log: {},
    });
  }

  /** Moves every job as far as the clock says; called before each request is served. */
  advance(): void {
    const now = this.#clock();
    for (const job of this.#jobs.values()) {
      if (job.status === 'completed' || job.status === 'interrupted') continue;
      const startMs = job.createdMs + this.#startDelayMs;
      if (now < startMs) continue;
      if (job.status === 'pending') {
        job.status = job.attributes.status = 'in_progress';
        this.#stamp(job, 'started_at', startMs);
      }
      const due = Math.min(job.size, Math.floor(((now - startMs) * this.#rowsPerSecond) / 1000));
      if (job.kind === 'imports') this.#store.batch(() => this.#importRows(job, due));
      else job.cursor = due;
      if (job.kind === 'exports') Object.assign(job.attributes, { processed_count: job.cursor, progress: Math.round((100 * job.cursor) / job.size) });
      if (job.status === 'in_progress' && job.cursor === job.size) this.#complete(job);
    }
  }

  /** `attachment_url` for a finished job: a fresh link on every read, as the platform signs a new one. */
  attachmentUrl(job: Job, origin: string): string | null {
    if (!job.file) return null;
    return `${origin}${FILES_PATH}${job.kind}/${job.id}.json.gz?expires=${this.#clock() + ATTACHMENT_TTL_MS}`;
  }

  /** The gzipped result behind an attachment link, or why not (S3's 403 once the link expired). */
  file(path: string, query: URLSearchParams): { status: number; body?: Buffer | string } {
    const match = /^\/_files\/(imports|exports)\/([A-Za-z]+)\.json\.gz$/.exec(path);
    const job = match ? this.get(match[1] as Kind, match[2]!) : undefined;
    if (!job?.file) return { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>' };
    if (!(Number(query.get('expires')) > this.#clock()))
      return { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>' };
    return { status: 200, body: job.file };
  }

  node(job: Job, origin: string): Node {
    return { type: job.kind, id: job.id, attributes: { ...job.attributes, attachment_url: this.attachmentUrl(job, origin) }, relationships: {} };
  }

  #add(kind: Kind, inputs: Row[], attributes: Record<string, JsonValue>): Job {
    const now = this.#clock();
    const at = new Date(now).toISOString();
    let id: string;
    do id = randomString(this.#random, ID_ALPHABET, 10);
    while (this.#jobs.has(id));
    const job: Job = {
      kind,
      id,
      status: 'pending',
      createdMs: now,
      cursor: 0,
      size: kind === 'imports' ? inputs.length : Number(attributes.records_count),
      inputs,
      attributes: {
        ...attributes,
        status: 'pending',
        started_at: null,
        completed_at: null,
        interrupted_at: null,
        created_at: at,
        updated_at: at,
        reference: attributes.reference ?? null,
        reference_origin: attributes.reference_origin ?? null,
        metadata: attributes.metadata ?? {},
      },
    };
    this.#jobs.set(id, job);
    return job;
  }

  #checkConcurrency(kind: Kind): void {
    const running = this.list(kind).filter((job) => job.status === 'pending' || job.status === 'in_progress').length;
    if (running >= MAX_CONCURRENT_JOBS) throw refusal('base', `too many ${kind} in progress (maximum is ${MAX_CONCURRENT_JOBS})`);
  }

  #importRows(job: Job, due: number): void {
    const log = job.attributes.errors_log as Record<string, JsonValue>;
    while (job.cursor < due && job.status === 'in_progress') {
      const row = job.inputs[job.cursor]!;
      const errors = this.#importCustomer(row);
      job.cursor += 1;
      if (errors) {
        log[rowKey(row, job.cursor - 1)] = errors;
        job.attributes.errors_count = Number(job.attributes.errors_count) + 1;
        const overBudget = !job.attributes.skip_errors && Number(job.attributes.errors_count) > MAX_ERROR_SHARE * job.size;
        if (overBudget) this.#finish(job, 'interrupted');
      } else job.attributes.processed_count = Number(job.attributes.processed_count) + 1;
    }
  }

  /** One row: update the customer its id or e-mail names, or create one; its errors by field, or undefined. */
  #importCustomer(row: Row): Record<string, string[]> | undefined {
    const unknown = Object.keys(row).filter((key) => !IMPORT_FIELDS.has(key));
    if (unknown.length) return Object.fromEntries(unknown.map((key) => [key, ['is not a permitted attribute']]));
    const text = (key: string) => row[key] === undefined || row[key] === null || typeof row[key] === 'string';
    const wrong = ['id', 'email', 'password', 'customer_group_id', 'reference', 'reference_origin'].filter((key) => !text(key));
    if (row.metadata !== undefined && !isRow(row.metadata)) wrong.push('metadata');
    if (wrong.length) return Object.fromEntries(wrong.map((key) => [key, ['is invalid']]));
    const input: CustomerInput = {
      email: row.email as string | undefined,
      customer_group_id: row.customer_group_id as string | null | undefined,
      reference: row.reference as string | null | undefined,
      reference_origin: row.reference_origin as string | null | undefined,
      metadata: row.metadata as CustomerInput['metadata'],
    };
    try {
      if (typeof row.id === 'string') {
        const customer = this.#store.customer(row.id);
        if (!customer) return { id: [`couldn't find customer with id ${row.id}`] };
        this.#store.updateCustomer(customer, input);
        return undefined;
      }
      const existing = typeof row.email === 'string' ? this.#store.customerByEmail(normalizeEmail(row.email)) : undefined;
      if (existing) this.#store.updateCustomer(existing, input);
      else this.#store.createCustomer(input);
      return undefined;
    } catch (error) {
      if (!(error instanceof JsonApiError)) throw error;
      const errors: Record<string, string[]> = {};
      for (const item of error.errors) (errors[item.source?.pointer.split('/').at(-1) ?? 'base'] ??= []).push(item.title);
      return errors;
    }
  }

  #complete(job: Job): void {
    if (job.kind === 'exports') {
      const fields = job.attributes.fields as string[];
      const records = this.#select(job.inputs[0]!).map((customer) => exportRecord(customer, fields));
      job.file = gzipSync(JSON.stringify(records));
    } else job.file = gzipSync(JSON.stringify(job.inputs));
    this.#finish(job, 'completed');
  }

  #finish(job: Job, status: 'completed' | 'interrupted'): void {
    job.status = status;
    job.attributes.status = status;
    this.#stamp(job, status === 'completed' ? 'completed_at' : 'interrupted_at', this.#clock());
  }

  #stamp(job: Job, field: string, ms: number): void {
    const at = new Date(ms).toISOString();
    Object.assign(job.attributes, { [field]: at, updated_at: at });
  }

  /** The customers an export's filters (Ransack predicates, values as a string or a list) select. */
  #select(filters: Row): CustomerRecord[] {
    const pairs: [string, string][] = Object.entries(filters).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]);
    const predicates = parsePredicates(pairs, SPECS.customers);
    return this.#store.customers.filter((customer) => matchesAll(customerRow(customer, this.#store), predicates));
  }
}

function exportRecord(customer: CustomerRecord, fields: readonly string[]): Row {
  const full: Row = { ...customer };
  const wanted = fields.length ? fields : EXPORT_FIELDS;
  return Object.fromEntries(wanted.map((field) => [field, full[field] ?? null]));
}

function checkType(attributes: Record<string, JsonValue>): void {
  if (attributes.resource_type === undefined || attributes.resource_type === null) throw refusal('resource_type', "can't be blank");
  // CL imports and exports many more types; the emulator models customers only (groups are not importable).
  if (attributes.resource_type !== 'customers') throw refusal('resource_type', 'is not included in the list');
}

function rowKey(row: Row, index: number): string {
  if (typeof row.id === 'string') return row.id;
  if (typeof row.email === 'string') return normalizeEmail(row.email);
  return String(index);
}

function refusal(field: string, message: string): JsonApiError {
  return validationFailed([{ field, message, error: 'invalid' }]);
}

function isRow(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
