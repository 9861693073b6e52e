import { describe, expect, it } from 'vitest';
import { errorDetail } from '../../../src/providers/xtrakit/errors.js';

describe('errorDetail', () => {
  it('reads the documented 401 body', () => {
    expect(errorDetail({ status: 401, error: 'Unauthorized: Invalid API Key' })).toBe('Unauthorized: Invalid API Key');
  });

  it('reads an enveloped message', () => {
    expect(errorDetail({ status: 404, message: 'Group not found', data: {} })).toBe('Group not found');
  });

  it('adds field errors the message does not already hold', () => {
    const body = {
      status: 422,
      message: 'The group name field is required. (and 1 more error)',
      data: { errors: { group_name: ['The group name field is required.'], x: ['X is bad.'] } },
    };
    expect(errorDetail(body)).toBe('The group name field is required. (and 1 more error); X is bad.');
    expect(errorDetail({ errors: { a: 'A is bad.' } })).toBe('A is bad.');
  });

  it('gives nothing for a body with nothing to say', () => {
    expect(errorDetail({ status: 500 })).toBeUndefined();
    expect(errorDetail(null)).toBeUndefined();
    expect(errorDetail('  ')).toBeUndefined();
    expect(errorDetail('Bad Gateway')).toBe('Bad Gateway');
  });
});
