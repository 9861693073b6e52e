// What heads an HTML report: the config file, its last commit when it is in a git repository, the time, the
// providers. The one place the commands ask git and the clock for it, so that the renderers stay pure.
import path from 'node:path';
import { lastCommit } from '../drift/git-time.js';
import type { ReportHeader } from '../render/html-page.js';
import type { ProviderInfo } from '../render/plan-view.js';
import type { Io } from './io.js';

export async function reportHeader(configFile: string, io: Io, providers?: readonly ProviderInfo[], files?: readonly string[]): Promise<ReportHeader> {
  const absolute = path.resolve(io.cwd, configFile);
  return {
    configFile,
    commit: await lastCommit(files ?? [absolute], path.dirname(absolute)),
    generatedAt: new Date().toISOString(),
    ...(providers ? { providers } : {}),
  };
}
