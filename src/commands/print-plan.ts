import path from 'node:path';
import { renderText } from '../render/text.js';
import { renderJson } from '../render/json.js';
import { formatFinding } from '../render/findings.js';
import type { DesiredState, Finding, Plan } from '../model.js';
import { useColor, type Io } from './io.js';
import type { PlatformOptions } from './options.js';

/** Config warnings go to stderr; the plan itself to stdout, as text or as the JSON document. */
export function printPlan(plan: Plan, desired: DesiredState, findings: Finding[], options: PlatformOptions, io: Io): void {
  for (const finding of findings) io.stderr.write(formatFinding(finding) + '\n');
  if (options.format === 'json') {
    io.stdout.write(renderJson(plan));
    return;
  }
  io.stdout.write(renderText(plan, { color: useColor(io, options), configFile: path.basename(desired.configFile) }));
}
