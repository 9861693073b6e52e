// Findings as compiler-style lines (`file:line:column: severity: message`), and `validate`'s report as
// text or JSON. Pure: returns strings, prints nothing.
import type { Finding } from '../model.js';
import type { ConfigOverview } from '../config/overview.js';

export function formatFinding(finding: Finding): string {
  const where = finding.pos ? `${finding.pos.file}:${finding.pos.line}:${finding.pos.column}: ` : finding.provider ? `${finding.provider}: ` : '';
  return `${where}${finding.severity}: ${finding.message}`;
}

/** Reading order: findings without a place first, then those in `mainFile`, then other files; by line and column. */
export function sortFindings(findings: readonly Finding[], mainFile: string): Finding[] {
  const rank = (f: Finding): number => (!f.pos ? 0 : f.pos.file === mainFile ? 1 : 2);
  return [...findings].sort(
    (a, b) => rank(a) - rank(b) || (a.pos && b.pos ? a.pos.file.localeCompare(b.pos.file) || a.pos.line - b.pos.line || a.pos.column - b.pos.column : 0),
  );
}

/** `1 error`, `2 errors`, `1,204 members`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export interface ValidationReport {
  file: string;
  valid: boolean;
  /** Sorted. */
  findings: Finding[];
  summary: { errors: number; warnings: number; providers?: number; groups?: number; members?: number };
  /** With --verbose, for a valid config. */
  config?: ConfigOverview;
}

export function validationReport(file: string, findings: readonly Finding[], config?: ConfigOverview, verbose = false): ValidationReport {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const valid = errors === 0 && config !== undefined;
  return {
    file,
    valid,
    findings: sortFindings(findings, file),
    summary: valid ? { errors, warnings, ...config.counts } : { errors, warnings },
    ...(valid && verbose ? { config } : {}),
  };
}

export function renderValidationText(report: ValidationReport): string {
  const lines = report.config ? overviewLines(report.config) : [];
  lines.push(...report.findings.map(formatFinding));
  const { errors, warnings, providers = 0, groups = 0, members = 0 } = report.summary;
  const warned = warnings > 0 ? `, ${count(warnings, 'warning')}` : '';
  lines.push(
    report.valid
      ? `${report.file}: valid (${count(providers, 'provider')}, ${count(groups, 'group')}, ${count(members, 'member')})${warned}.`
      : `${report.file}: ${count(errors, 'error')}${warned}.`,
  );
  return lines.join('\n') + '\n';
}

export function renderValidationJson(report: ValidationReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

function overviewLines(config: ConfigOverview): string[] {
  const providers = config.providers.map((p) => {
    const fields = [...Object.entries(p.settings).map(([k, v]) => `${k}=${v}`), ...p.secrets.map((k) => `${k}=[redacted]`), `prune=${p.prune}`];
    return `provider ${p.name} (${p.type}): ${fields.join(', ')}`;
  });
  const groups = config.groups.map(
    (g) =>
      `group ${g.key} (${g.name}): on ${g.providers.join(', ')}; ${g.members === null ? 'members not managed' : `${count(g.members, 'member')}; ${g.membership}`}`,
  );
  return [...providers, ...groups];
}
