// A `members_file`: one e-mail address a line; blank lines and `#` comment lines ignored. Built for files of
// a million lines: the whole text is lower-cased once and split by hand (indexOf, char codes), each address
// a slice of it, with parallel (typed) arrays rather than an object per line.

export interface MemberLines {
  /** Each address, lower-cased. */
  emails: string[];
  /** 1-based line of each address. */
  lines: ArrayLike<number>;
  /** 1-based column where the `index`-th address starts. */
  column(index: number): number;
}

const BOM = 0xfeff;
const HASH = 0x23;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d; // space, tab, CR (of CRLF line ends)
}

/** The lines of a members file; undefined when it holds more than `maxAddresses`. */
export function splitMemberLines(text: string): MemberLines;
export function splitMemberLines(text: string, maxAddresses: number): MemberLines | undefined;
export function splitMemberLines(text: string, maxAddresses = Infinity): MemberLines | undefined {
  const lower = text.toLowerCase();
  // Sized once from the line count: a million pushes would leave each array a third larger than it needs.
  let lineCount = 1;
  for (let at = lower.indexOf('\n'); at >= 0; at = lower.indexOf('\n', at + 1)) lineCount++;
  const capacity = Math.min(lineCount, maxAddresses === Infinity ? lineCount : maxAddresses + 1);
  const emails = new Array<string>(capacity);
  const lines = new Int32Array(capacity);
  const starts = new Int32Array(capacity);
  let count = 0;
  let start = lower.charCodeAt(0) === BOM ? 1 : 0;
  for (let line = 1; start <= lower.length; line++) {
    let end = lower.indexOf('\n', start);
    if (end < 0) end = lower.length;
    let from = start;
    let to = end;
    while (from < to && isBlank(lower.charCodeAt(from))) from++;
    while (to > from && isBlank(lower.charCodeAt(to - 1))) to--;
    if (from < to && lower.charCodeAt(from) !== HASH) {
      if (count === maxAddresses) return undefined;
      emails[count] = lower.slice(from, to);
      lines[count] = line;
      starts[count] = from;
      count++;
    }
    start = end + 1;
  }
  emails.length = count;
  return {
    emails,
    lines: lines.subarray(0, count),
    column: (index) => {
      const lineStart = lower.lastIndexOf('\n', starts[index]! - 1) + 1;
      return starts[index]! - lineStart + (lineStart === 0 && lower.charCodeAt(0) === BOM ? 0 : 1);
    },
  };
}
