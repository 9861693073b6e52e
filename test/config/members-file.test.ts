import { describe, expect, it } from 'vitest';
import { isEmail } from '../../src/config/email.js';
import { splitMemberLines } from '../../src/config/members-file.js';

/** The lines as plain data, to compare whole. */
function lines(text: string) {
  const split = splitMemberLines(text);
  return split.emails.map((email, i) => ({ email, line: split.lines[i], column: split.columns[i] }));
}

describe('splitMemberLines', () => {
  it('keeps address lines, lower-cased, with their line and column, skipping blanks and comments', () => {
    const text = '# header\nAva@Example.com\n\n   liam@example.com  \n\t# indented comment\nmia@example.com';
    expect(lines(text)).toEqual([
      { email: 'ava@example.com', line: 2, column: 1 },
      { email: 'liam@example.com', line: 4, column: 4 },
      { email: 'mia@example.com', line: 6, column: 1 },
    ]);
  });

  it('handles CRLF line ends, a byte-order mark and a final newline', () => {
    expect(lines('\uFEFFava@example.com\r\nliam@example.com\r\n')).toEqual([
      { email: 'ava@example.com', line: 1, column: 1 },
      { email: 'liam@example.com', line: 2, column: 1 },
    ]);
  });

  it('keeps columns right when lower-casing changed the length of the text', () => {
    // "İ" (U+0130) lower-cases to two code units.
    expect(lines('İ@example.com\n  Bob@example.com\n').map((l) => [l.email, l.line, l.column])).toEqual([
      ['i̇@example.com', 1, 1],
      ['bob@example.com', 2, 3],
    ]);
  });

  it('reads an empty file as no members', () => {
    expect(lines('')).toEqual([]);
  });
});

describe('isEmail', () => {
  it.each(['ava.jones@example.com', "o'brien+vip@mail.example.co.uk", 'A.B@EXAMPLE.COM', 'x@a-b.example'])('accepts %s', (text) => {
    expect(isEmail(text)).toBe(true);
  });

  it.each([
    'ava.jones.example.com',
    'ava@@example.com',
    'ava@example',
    'ava jones@example.com',
    '@example.com',
    'ava@-example.com',
    'ava@example.com,liam@example.com',
  ])('rejects %s', (text) => {
    expect(isEmail(text)).toBe(false);
  });

  it('rejects addresses longer than 254 characters', () => {
    expect(isEmail('a'.repeat(250) + '@example.com')).toBe(false);
  });
});

describe('splitMemberLines with a bound', () => {
  it('gives up past the most addresses a file may hold, not counting blanks and comments', () => {
    expect(splitMemberLines('# c\na@example.com\n\nb@example.com\n', 2)?.emails).toEqual(['a@example.com', 'b@example.com']);
    expect(splitMemberLines('a@example.com\nb@example.com\nc@example.com\n', 2)).toBeUndefined();
  });
});
