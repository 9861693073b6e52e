// A `members_file`: one e-mail address a line; blank lines and `#` comment lines ignored. Split by hand
// (indexOf, char codes) rather than with regular expressions: files may hold a million lines.

/** The address lines of a members file, as parallel arrays (far lighter than an object per line). */
export interface MemberLines {
  /** Each address as written (trimmed, case kept). */
  texts: string[];
  /** 1-based line of each address. */
  lines: number[];
  /** 1-based column where each address starts. */
  columns: number[];
}

const BOM = 0xfeff;
const HASH = 0x23;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d; // space, tab, CR (of CRLF line ends)
}

export function splitMemberLines(text: string): MemberLines {
  const result: MemberLines = { texts: [], lines: [], columns: [] };
  let start = text.charCodeAt(0) === BOM ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let from = start;
    let to = end;
    while (from < to && isBlank(text.charCodeAt(from))) from++;
    while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
    if (from < to && text.charCodeAt(from) !== HASH) {
      result.texts.push(text.slice(from, to));
      result.lines.push(line);
      result.columns.push(from - start + 1);
    }
    start = end + 1;
  }
  return result;
}
