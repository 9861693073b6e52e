// Reads a create or update document and refuses, as jsonapi-resources does, what the resource cannot take:
// a wrong `type` (400 INVALID_RESOURCE, not JSON:API's 409), a client-chosen id on create, an id that differs
// from the URL's, read-only or unknown attributes and relationships (400 PARAM_NOT_ALLOWED, one error each).
import { fail, paramsNotAllowed } from './errors.js';
import type { AttributeKind, ResourceSpec } from './resources.js';
import type { JsonValue } from '../common/types.js';

export interface WriteDocument {
  attributes: Record<string, JsonValue>;
  /** To-one relationships by name: the target id, or null to clear. */
  relationships: Record<string, string | null>;
}

const DOCUMENT_MEMBERS = ['type', 'id', 'attributes', 'relationships', 'links', 'meta'];

/** `urlId`: the id in an update's URL; undefined for a create. Throws JsonApiError. */
export function parseWriteDocument(body: Buffer, spec: ResourceSpec, urlId?: string): WriteDocument {
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8'));
  } catch {
    throw fail.malformedBody();
  }
  if (!isObject(document) || !('data' in document)) throw fail.paramMissing('data');
  const data = document.data;
  if (!isObject(data)) throw fail.invalidDataFormat();
  if (data.type === undefined) throw fail.paramMissing('type');
  if (data.type !== spec.type) throw fail.invalidResource(String(data.type));

  if (urlId === undefined) {
    if (data.id !== undefined) throw paramsNotAllowed(['id']);
  } else {
    if (data.id === undefined) throw fail.missingKey();
    if (data.id !== urlId) throw fail.keyNotInUrl(String(data.id));
  }

  const attributes = data.attributes ?? {};
  const relationships = data.relationships ?? {};
  if (!isObject(attributes) || !isObject(relationships)) throw fail.invalidDataFormat();
  const notAllowed = [
    ...Object.keys(data).filter((key) => !DOCUMENT_MEMBERS.includes(key)),
    ...Object.keys(attributes).filter((key) => !(key in spec.writable)),
    ...Object.keys(relationships).filter((key) => !spec.writableRelationships.includes(key)),
  ];
  if (notAllowed.length) throw paramsNotAllowed(notAllowed);

  return { attributes: readAttributes(attributes, spec), relationships: readRelationships(relationships, spec) };
}

function readAttributes(attributes: Record<string, unknown>, spec: ResourceSpec): WriteDocument['attributes'] {
  const out: WriteDocument['attributes'] = {};
  for (const [name, value] of Object.entries(attributes)) {
    // Rails would coerce a number into a string column; refusing is stricter, so clients stay honest.
    if (!KIND_CHECKS[spec.writable[name]!](value)) throw fail.invalidFieldValue(name, value);
    out[name] = value as JsonValue;
  }
  return out;
}

function readRelationships(relationships: Record<string, unknown>, spec: ResourceSpec): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(relationships)) {
    if (!isObject(value) || !('data' in value)) throw fail.invalidLinksObject();
    const linkage = value.data;
    if (linkage === null) {
      out[name] = null;
      continue;
    }
    if (!isObject(linkage) || typeof linkage.id !== 'string') throw fail.invalidLinksObject();
    if (linkage.type !== spec.relationships[name]!.type) throw fail.typeMismatch(String(linkage.type));
    out[name] = linkage.id;
  }
  return out;
}

const KIND_CHECKS: Record<AttributeKind, (value: unknown) => boolean> = {
  text: (value) => value === null || typeof value === 'string',
  object: isObject,
  array: Array.isArray,
  boolean: (value) => typeof value === 'boolean',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
