// A place named inside a message about another place: "line 12, column 5" in the same file, else with the file.
import type { SourcePos } from '../model.js';

export function placeOf(pos: SourcePos, from: SourcePos | undefined): string {
  const lineAndColumn = `line ${pos.line}, column ${pos.column}`;
  return from?.file === pos.file ? lineAndColumn : `${pos.file} ${lineAndColumn}`;
}
