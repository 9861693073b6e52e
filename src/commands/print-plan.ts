import path from 'node:path';
import { renderText } from '../render/text.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { formatFinding } from '../render/findings.js';
import type { DesiredState, Finding, Plan } from '../model.js';
import type { ProviderInfo } from '../render/plan-view.js';
import { maskKey, useColor, type Io } from './io.js';
import type { PlatformOptions } from './options.js';

/** Config warnings go to stderr; the plan itself to stdout, as text or as the JSON document. */
export function printPlan(plan: Plan, desired: DesiredState, findings: Finding[], options: PlatformOptions, io: Io): void {
  printFindings(findings, io);
  writePlan(plan, path.basename(desired.configFile), options, io, desired.providers);
}

/**
 * The plan on stdout in the chosen format; `configFile` names the file in the summary line, `providers` (when the
 * config was read) give the sections their order and their platform and store.
 */
export function writePlan(
  plan: Plan,
  configFile: string,
  options: Pick<PlatformOptions, 'format' | 'maskEmails' | 'color' | 'config' | 'verbose'>,
  io: Io,
  providers?: readonly ProviderInfo[],
): void {
  const shown = providers ? { providers } : {};
  switch (options.format) {
    case 'json':
      io.stdout.write(renderJson(plan));
      return;
    case 'markdown':
      io.stdout.write(renderMarkdown(plan, { configFile, maskEmails: options.maskEmails ?? true, maskKey: maskKey(io), ...shown }));
      return;
    case 'text':
      io.stdout.write(renderText(plan, { color: useColor(io, options), configFile, maskEmails: options.maskEmails ?? false, maskKey: maskKey(io), ...shown }));
  }
}

/** Config warnings, on stderr so that stdout stays the command's document. */
export function printFindings(findings: Finding[], io: Io): void {
  for (const finding of findings) io.stderr.write(formatFinding(finding) + '\n');
}
