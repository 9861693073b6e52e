import path from 'node:path';
import { renderText } from '../render/text.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { formatFinding } from '../render/findings.js';
import type { DesiredState, Finding, Plan } from '../model.js';
import { maskKey, useColor, type Io } from './io.js';
import type { PlatformOptions } from './options.js';

/** Config warnings go to stderr; the plan itself to stdout, as text or as the JSON document. */
export function printPlan(plan: Plan, desired: DesiredState, findings: Finding[], options: PlatformOptions, io: Io): void {
  printFindings(findings, io);
  const configFile = path.basename(desired.configFile);
  switch (options.format) {
    case 'json':
      io.stdout.write(renderJson(plan));
      return;
    case 'markdown':
      io.stdout.write(renderMarkdown(plan, { configFile, maskEmails: options.maskEmails ?? true, maskKey: maskKey(io), providers: desired.providers }));
      return;
    case 'text':
      io.stdout.write(renderText(plan, { color: useColor(io, options), configFile, maskEmails: options.maskEmails ?? false, maskKey: maskKey(io), providers: desired.providers }));
  }
}

/** Config warnings, on stderr so that stdout stays the command's document. */
export function printFindings(findings: Finding[], io: Io): void {
  for (const finding of findings) io.stderr.write(formatFinding(finding) + '\n');
}
