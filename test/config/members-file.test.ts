import { describe, expect, it } from 'vitest';
import { isEmail } from '../../src/config/email.js';
import { splitMemberLines } from '../../src/config/members-file.js';

/** The lines as plain data, to compare whole. */
function lines(text: string) {
  const split = splitMemberLines(text);
  return split.emails.map((email, i) => ({ email, line: split.lines[i], column: split.column(i), written: split.written(i) }));
}

describe('splitMemberLines', () => {
  it('keeps address lines, lower-cased, with their line and column, skipping blanks and comments', () => {
    const text = '# header\nAva@Example.com\n\n   liam@example.com  \n\t# indented comment\nmia@example.com';
    expect(lines(text)).toEqual([
      { email: 'ava@example.com', line: 2, column: 1, written: 'Ava@Example.com' },
      { email: 'liam@example.com', line: 4, column: 4, written: 'liam@example.com' },
      { email: 'mia@example.com', line: 6, column: 1, written: 'mia@example.com' },
    ]);
  });

  it('handles CRLF line ends, a byte-order mark and a final newline', () => {
    expect(lines('\uFEFFava@example.com\r\nliam@example.com\r\n')).toEqual([
      { email: 'ava@example.com', line: 1, column: 1, written: 'ava@example.com' },
      { email: 'liam@example.com', line: 2, column: 1, written: 'liam@example.com' },
    ]);
  });

  it('shows an address lower-cased when lower-casing changed the length of the text', () => {
    // "İ" (U+0130) lower-cases to two code units, so offsets into the original no longer line up.
    expect(lines('İ@example.com\nBob@example.com\n').map((l) => l.written)).toEqual(['i̇@example.com', 'bob@example.com']);
  });

  it('reads an empty file as no members', () => {
    expect(lines('')).toEqual([]);
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
