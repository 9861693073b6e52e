// One finding as a compiler-style line: `file:line:column: severity: message`.
import type { Finding } from '../model.js';

export function formatFinding(finding: Finding): string {
  const where = finding.pos
    ? `${finding.pos.file}:${finding.pos.line}:${finding.pos.column}: `
    : finding.provider
      ? `${finding.provider}: `
      : '';
  return `${where}${finding.severity}: ${finding.message}`;
}
