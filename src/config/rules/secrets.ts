// A credential written into the file itself ends up in version control: warn, and say how to avoid it.
import type { Finding } from '../../model.js';
import { pointer } from '../positions.js';
import { SECRET_FIELDS } from '../secrets.js';
import { warning, type Rule } from './context.js';

export const checkLiteralSecrets: Rule = (context) => {
  const findings: Finding[] = [];
  for (const [name, provider] of Object.entries(context.config.providers)) {
    for (const field of Object.keys(provider)) {
      const path = ['providers', name, field];
      if (!SECRET_FIELDS.has(field) || context.fromEnv.has(pointer(path))) continue;
      const message = `'${field}' of provider '${name}' is written in the file; read it from the environment instead (${field}: \${MY_VARIABLE}) so it stays out of version control.`;
      findings.push(warning('literal-secret', message, context.positions.value(path)));
    }
  }
  return findings;
};
