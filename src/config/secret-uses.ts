// A secret belongs in its credential field only. Anywhere else (a group's name, description, metadata, an
// e-mail, a provider's URL) it would be shown in every plan and PR comment and stored on the platform, so it
// is an error at the place of use: a variable that holds a secret (it fills a credential field, or its name
// says so), or a credential's value inside another string. Messages name the variable, never the value.
import type { Finding, SourcePos } from '../model.js';
import { capital, subject } from './describe.js';
import type { Env } from './interpolate.js';
import type { ParsedConfig } from './parse.js';
import { pointer, type Path } from './positions.js';
import { isSecretPath, SECRET_FIELDS } from './secrets.js';

/** Variable names that say they hold a secret. */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE|CREDENTIAL/i;
/** Values this short are not looked for inside other strings: they would match ordinary words, and no platform issues a credential this short. */
const MIN_MATCHED_LENGTH = 8;

export interface SecretUses {
  findings: Finding[];
  /** Every secret value the file resolves to, for redacting whatever else is said about it. */
  secrets: string[];
}

export function checkSecretUses(parsed: ParsedConfig, env: Env): SecretUses {
  /** Secret variable → why it is one. */
  const secretVariables = new Map<string, string>();
  for (const use of parsed.variables) {
    if (isSecretPath(use.path)) secretVariables.set(use.name, `it is the ${String(use.path[2])} of provider '${String(use.path[1])}'`);
  }
  for (const use of parsed.variables) {
    if (!secretVariables.has(use.name) && SECRET_NAME.test(use.name)) secretVariables.set(use.name, 'its name says so');
  }

  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const use of parsed.variables) {
    const why = secretVariables.get(use.name);
    if (why === undefined || isSecretPath(use.path)) continue;
    reported.add(pointer(use.path));
    findings.push(misplaced(use.path, `uses \${${use.name}}, which holds a secret (${why})`, use.pos));
  }

  /** Secret value → what it is, for a message. */
  const values = new Map<string, string>();
  walkTexts(parsed.data, [], (path, text, isKey) => {
    if (!isKey && isSecretPath(path) && text !== '') values.set(text, `the ${String(path[2])} of provider '${String(path[1])}'`);
  });
  for (const name of secretVariables.keys()) {
    const value = env[name];
    if (value && !values.has(value)) values.set(value, `\${${name}}`);
  }
  const matched = [...values].filter(([value]) => value.length >= MIN_MATCHED_LENGTH);
  walkTexts(parsed.data, [], (path, text, isKey) => {
    if (isSecretPath(path) || (!isKey && reported.has(pointer(path)))) return;
    const found = matched.find(([secret]) => text.includes(secret));
    if (!found) return;
    // Keys are never interpolated, but a pasted one (a metadata key, a group key) is shown and stored too.
    if (isKey) findings.push(misplaced(path.slice(0, -1), `has a key that holds the value of ${found[1]}, a secret`, parsed.positions.key(path)));
    else findings.push(misplaced(path, `holds the value of ${found[1]}, a secret`, parsed.positions.value(path)));
  });
  return { findings, secrets: [...values.keys()] };
}

function misplaced(path: Path, what: string, pos: SourcePos): Finding {
  const message = `${capital(subject(path))} ${what}: plans show this field and the platform stores it, so a secret may only fill a credential field (${[...SECRET_FIELDS].join(', ')}).`;
  return { severity: 'error', code: 'secret-in-field', message, pos };
}

/** Calls `visit` with every string value and every map key (its path ending with the key), in file order. */
function walkTexts(value: unknown, path: Path, visit: (path: Path, text: string, isKey: boolean) => void): void {
  if (typeof value === 'string') visit(path, value, false);
  else if (Array.isArray(value)) value.forEach((item, index) => walkTexts(item, [...path, index], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      visit([...path, key], key, true);
      walkTexts(item, [...path, key], visit);
    }
  }
}
