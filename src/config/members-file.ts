// A `members_file`: one e-mail address a line; blank lines and `#` comment lines ignored. Built for files of
// a million lines: split by hand over the file's bytes (newlines, blanks and `#` are single bytes in UTF-8, and
// no byte of a multi-byte character is one of them), each address decoded and lower-cased on its own into a
// string of its own, with parallel typed arrays rather than an object per line. Not slices of one lower-cased
// text: those keep the whole text alive beside a million 32-byte slices, 20 MB more than the addresses alone.

export interface MemberLines {
  /** Each address, lower-cased. */
  emails: string[];
  /** 1-based line of each address. */
  lines: ArrayLike<number>;
  /** 1-based column where each address starts: only blanks come before it, so bytes and characters agree. */
  columns: ArrayLike<number>;
}

const NEWLINE = 0x0a;
const HASH = 0x23;

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d; // space, tab, CR (of CRLF line ends)
}

/** The lines of a members file (its bytes, valid UTF-8, or its text); undefined when it holds more than `maxAddresses`. */
export function splitMemberLines(file: Buffer | string): MemberLines;
export function splitMemberLines(file: Buffer | string, maxAddresses: number): MemberLines | undefined;
export function splitMemberLines(file: Buffer | string, maxAddresses = Infinity): MemberLines | undefined {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  // Sized once from the line count: a million pushes would leave each array a third larger than it needs.
  let lineCount = 1;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) lineCount++;
  const capacity = Math.min(lineCount, maxAddresses === Infinity ? lineCount : maxAddresses + 1);
  const emails = new Array<string>(capacity);
  const lines = new Int32Array(capacity);
  const columns = new Int32Array(capacity);
  let count = 0;
  // A byte-order mark (EF BB BF) is not part of the first line.
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    let from = start;
    let to = end;
    while (from < to && isBlank(bytes[from]!)) from++;
    while (to > from && isBlank(bytes[to - 1]!)) to--;
    if (from < to && bytes[from] !== HASH) {
      if (count === maxAddresses) return undefined;
      emails[count] = bytes.toString('utf8', from, to).toLowerCase();
      lines[count] = line;
      columns[count] = from - start + 1;
      count++;
    }
    start = end + 1;
  }
  emails.length = count;
  return { emails, lines: lines.subarray(0, count), columns: columns.subarray(0, count) };
}
