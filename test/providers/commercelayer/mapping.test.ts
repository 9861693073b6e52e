import { describe, expect, it } from 'vitest';
import { canonical, changedAttributes, normalize, sameValue, toLiveCustomer, toLiveGroup } from '../../../src/providers/commercelayer/mapping.js';
import { clAuthErrorDetail, clErrorDetail, isInvalidToken } from '../../../src/providers/commercelayer/errors.js';

describe('normalize', () => {
  it('makes metadata key order irrelevant, recursively', () => {
    const a = normalize({ metadata: { b: 1, a: { y: 2, x: [{ d: 1, c: 2 }] } } });
    const b = normalize({ metadata: { a: { x: [{ c: 2, d: 1 }], y: 2 }, b: 1 } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('treats an empty reference as none, and no metadata as {}', () => {
    expect(normalize({ reference: '', reference_origin: null, metadata: null })).toEqual({
      reference: null,
      reference_origin: null,
      metadata: {},
    });
  });

  it('keeps only fields Commerce Layer has, and only those given', () => {
    expect(normalize({ name: 'VIP', description: 'not here', code: 'vip' })).toEqual({ name: 'VIP' });
  });
});

describe('changedAttributes', () => {
  it('lists only the fields of after that differ, normalised', () => {
    const before = { name: 'VIP', reference: null, metadata: { a: 1, b: 2 } };
    const after = { name: 'VIP', reference: 'crm-1', metadata: { b: 2, a: 1 } };
    expect(changedAttributes(before, after)).toEqual({ reference: 'crm-1' });
  });

  it('counts a field missing from before as changed', () => {
    expect(changedAttributes({}, { metadata: { tier: 'gold' } })).toEqual({ metadata: { tier: 'gold' } });
  });
});

describe('sameValue / canonical', () => {
  it('compares JSON by value', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    expect(Object.keys(canonical({ z: 1, a: 2 }) as object)).toEqual(['a', 'z']);
  });
});

describe('toLiveGroup', () => {
  it('maps a resource with every managed field, normalised like desired values', () => {
    const group = toLiveGroup({
      id: 'ABCRtyUpBa',
      type: 'customer_groups',
      attributes: { name: 'VIP', code: 'vip', reference: '', metadata: { b: 1, a: 2 }, updated_at: '2025-01-01T00:00:00.000Z' },
    });
    expect(group).toEqual({
      id: 'ABCRtyUpBa',
      code: 'vip',
      name: 'VIP',
      attributes: { name: 'VIP', reference: null, reference_origin: null, metadata: { a: 2, b: 1 } },
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(group.attributes).toEqual(normalize({ name: 'VIP', reference: null, reference_origin: null, metadata: { a: 2, b: 1 } }));
  });

  it('keeps a null code as null', () => {
    expect(toLiveGroup({ id: '1', type: 'customer_groups', attributes: { name: 'Old', code: null } }).code).toBeNull();
  });
});

describe('toLiveCustomer', () => {
  const base = { id: 'c1', type: 'customers', attributes: { email: 'John@Example.com' } };

  it('reads the group from the included relationship, lower-casing the e-mail', () => {
    const customer = toLiveCustomer({ ...base, relationships: { customer_group: { data: { type: 'customer_groups', id: 'g1' } } } });
    expect(customer).toEqual({ id: 'c1', email: 'john@example.com', groupId: 'g1' });
  });

  it('knows a customer in no group', () => {
    expect(toLiveCustomer({ ...base, relationships: { customer_group: { data: null } } })?.groupId).toBeNull();
  });

  it('refuses to guess when the relationship carries only links', () => {
    expect(toLiveCustomer({ ...base, relationships: { customer_group: {} } })).toBeUndefined();
    expect(toLiveCustomer(base)).toBeUndefined();
  });
});

describe('Commerce Layer errors', () => {
  const body = {
    errors: [
      { title: 'has already been taken', detail: 'code - has already been taken', code: 'VALIDATION_ERROR', status: '422' },
      { title: 'is too long', code: 'VALIDATION_ERROR', status: '422' },
    ],
  };

  it('joins each detail, or the title when there is no detail', () => {
    expect(clErrorDetail(422, body)).toBe('code - has already been taken; is too long');
    expect(clErrorDetail(500, 'oops')).toBeUndefined();
  });

  it('reads OAuth errors from the token endpoint', () => {
    expect(clAuthErrorDetail(401, { error: 'invalid_client', error_description: 'Client authentication failed.' })).toBe('Client authentication failed.');
    expect(clAuthErrorDetail(401, body)).toBe('code - has already been taken; is too long');
  });

  it('recognises an expired token only by its INVALID_TOKEN code on a 401', () => {
    const invalid = { errors: [{ title: 'Invalid token', code: 'INVALID_TOKEN', status: '401' }] };
    expect(isInvalidToken(401, invalid)).toBe(true);
    expect(isInvalidToken(401, { errors: [{ code: 'UNAUTHORIZED' }] })).toBe(false);
    expect(isInvalidToken(403, invalid)).toBe(false);
  });
});
