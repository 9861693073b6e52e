import { describe, expect, it } from 'vitest';
import { bigCommerceErrorDetail, partialSuccessMessage } from '../../../src/providers/bigcommerce/errors.js';

describe('bigCommerceErrorDetail', () => {
  it('reads the observed v2 array with its details', () => {
    const body = [{ status: 413, message: 'The specified limit exceeds the maximum allowed.', details: { max_limit: 250 } }];
    expect(bigCommerceErrorDetail(413, body)).toBe('The specified limit exceeds the maximum allowed. (max_limit: 250)');
  });

  it("reads the spec's v2 {errors:[{title}]} shape", () => {
    const body = {
      errors: [
        { status: 400, title: 'Bad name', type: 'x' },
        { status: 400, title: 'Bad rule' },
      ],
    };
    expect(bigCommerceErrorDetail(400, body)).toBe('Bad name; Bad rule');
  });

  it('reads the v3 shape with its field errors', () => {
    const body = { status: 422, title: 'Missing Required Fields', type: 'x', errors: { name: 'Please provide a name.' } };
    expect(bigCommerceErrorDetail(422, body)).toBe('Missing Required Fields (name: Please provide a name.)');
    expect(bigCommerceErrorDetail(422, { status: 422, title: 'Failed', errors: {} })).toBe('Failed');
  });

  it('gives undefined for bodies it does not know', () => {
    expect(bigCommerceErrorDetail(500, 'oops')).toBeUndefined();
    expect(bigCommerceErrorDetail(500, [])).toBeUndefined();
    expect(bigCommerceErrorDetail(500, { foo: 1 })).toBeUndefined();
  });

  it('reads a 207 message', () => {
    expect(partialSuccessMessage({ status: 207, message: 'sitewide discount failed' })).toBe('sitewide discount failed');
    expect(partialSuccessMessage({})).toMatch(/207/);
  });
});
