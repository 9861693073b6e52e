import { describe, expect, it } from 'vitest';
import { isEmail } from '../../src/config/email.js';
import { splitMemberLines } from '../../src/config/members-file.js';

describe('splitMemberLines', () => {
  it('keeps address lines with their line and column, skipping blanks and comments', () => {
    const text = '# header\nava@example.com\n\n   liam@example.com  \n\t# indented comment\nmia@example.com';
    expect(splitMemberLines(text)).toEqual({
      texts: ['ava@example.com', 'liam@example.com', 'mia@example.com'],
      lines: [2, 4, 6],
      columns: [1, 4, 1],
    });
  });

  it('handles CRLF line ends, a byte-order mark and a final newline', () => {
    expect(splitMemberLines('\uFEFFava@example.com\r\nliam@example.com\r\n')).toEqual({
      texts: ['ava@example.com', 'liam@example.com'],
      lines: [1, 2],
      columns: [1, 1],
    });
  });

  it('reads an empty file as no members', () => {
    expect(splitMemberLines('')).toEqual({ texts: [], lines: [], columns: [] });
  });
});

describe('isEmail', () => {
  it.each(['ava.jones@example.com', 'o\'brien+vip@mail.example.co.uk', 'A.B@EXAMPLE.COM', 'x@a-b.example'])('accepts %s', (text) => {
    expect(isEmail(text)).toBe(true);
  });

  it.each(['ava.jones.example.com', 'ava@@example.com', 'ava@example', 'ava jones@example.com', '@example.com', 'ava@-example.com', 'ava@example.com,liam@example.com'])(
    'rejects %s',
    (text) => {
      expect(isEmail(text)).toBe(false);
    },
  );

  it('rejects addresses longer than 254 characters', () => {
    expect(isEmail('a'.repeat(250) + '@example.com')).toBe(false);
  });
});
