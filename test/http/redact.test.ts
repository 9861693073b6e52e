import { describe, expect, it } from 'vitest';
import { redact } from '../../src/http/redact.js';

describe('redact', () => {
  it('masks each secret wherever it appears', () => {
    expect(redact('token abc123 and again abc123', ['abc123'])).toBe('token [redacted] and again [redacted]');
  });

  it('masks URL-encoded and JSON-escaped forms', () => {
    const secret = 'a+b/c"d';
    expect(redact(`?key=${encodeURIComponent(secret)}`, [secret])).toBe('?key=[redacted]');
    expect(redact(JSON.stringify({ key: secret }), [secret])).toBe('{"key":"[redacted]"}');
  });

  it('masks a longer secret whole when it contains a shorter one', () => {
    expect(redact('Bearer tok-1', ['tok-1', 'Bearer tok-1'])).toBe('[redacted]');
  });

  it('ignores empty secrets', () => {
    expect(redact('plain', ['', 'x-not-there'])).toBe('plain');
  });
});
