// A `members_file`: one e-mail address a line; blank lines and `#` comment lines ignored. Built for files of
// a million lines: the whole text is lower-cased once and split by hand (indexOf, char codes), each address
// a slice of it, with parallel arrays rather than an object per line.

export interface MemberLines {
  /** Each address, lower-cased. */
  emails: string[];
  /** 1-based line of each address. */
  lines: number[];
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
  const emails: string[] = [];
  const lines: number[] = [];
  const starts: number[] = [];
  let start = lower.charCodeAt(0) === BOM ? 1 : 0;
  for (let line = 1; start <= lower.length; line++) {
    let end = lower.indexOf('\n', start);
    if (end < 0) end = lower.length;
    let from = start;
    let to = end;
    while (from < to && isBlank(lower.charCodeAt(from))) from++;
    while (to > from && isBlank(lower.charCodeAt(to - 1))) to--;
    if (from < to && lower.charCodeAt(from) !== HASH) {
      if (emails.length === maxAddresses) return undefined;
      emails.push(lower.slice(from, to));
      lines.push(line);
      starts.push(from);
    }
    start = end + 1;
  }
  return {
    emails,
    lines,
    column: (index) => {
      const lineStart = lower.lastIndexOf('\n', starts[index] - 1) + 1;
      return starts[index] - lineStart + (lineStart === 0 && lower.charCodeAt(0) === BOM ? 0 : 1);
    },
  };
}
