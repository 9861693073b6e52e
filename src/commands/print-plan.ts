import path from 'node:path';
import { renderText } from '../render/text.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderHtml } from '../render/html.js';
import { formatFinding } from '../render/findings.js';
import type { DesiredState, Finding, Plan } from '../model.js';
import type { ProviderInfo } from '../render/plan-view.js';
import { maskKey, useColor, type Io } from './io.js';
import type { PlatformOptions } from './options.js';
import { reportHeader } from './report-header.js';

/** Config warnings go to stderr; the plan itself to stdout, as text or as the JSON document. */
export async function printPlan(plan: Plan, desired: DesiredState, findings: Finding[], options: PlatformOptions, io: Io): Promise<void> {
  printFindings(findings, io);
  await writePlan(plan, path.basename(desired.configFile), options, io, desired.providers);
}

/**
 * The plan on stdout in the chosen format; `configFile` names the file in the summary line, `providers` (when the
 * config was read) give the sections their order and their platform and store.
 */
export async function writePlan(
  plan: Plan,
  configFile: string,
  options: Pick<PlatformOptions, 'format' | 'maskEmails' | 'color' | 'config' | 'verbose'>,
  io: Io,
  providers?: readonly ProviderInfo[],
): Promise<void> {
  const shown = providers ? { providers } : {};
  switch (options.format) {
    case 'json':
      io.stdout.write(renderJson(plan));
      return;
    case 'markdown':
      io.stdout.write(renderMarkdown(plan, { configFile, maskEmails: options.maskEmails ?? true, maskKey: maskKey(io), ...shown }));
      return;
    case 'html':
      // The header names the config as the user gave it, with its last commit when it has one.
      io.stdout.write(
        renderHtml(plan, { header: await reportHeader(options.config, io, providers), maskEmails: options.maskEmails ?? true, maskKey: maskKey(io) }),
      );
      return;
    case 'text':
      io.stdout.write(renderText(plan, { color: useColor(io, options), configFile, maskEmails: options.maskEmails ?? false, maskKey: maskKey(io), ...shown }));
  }
}

/** Config warnings, on stderr so that stdout stays the command's document. */
export function printFindings(findings: Finding[], io: Io): void {
  for (const finding of findings) io.stderr.write(formatFinding(finding) + '\n');
}
