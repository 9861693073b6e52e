// `groupform apply FILE`: applies exactly a plan saved by `plan --out`, with no prompt (the review happened on
// the plan). Re-reads only what the plan touches and checks every item's precondition. Any stale item:
// nothing is applied (exit 1), unless --skip-stale applies the rest and reports the skipped ones (exit 3).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplyResult, ItemResult } from '../apply/apply.js';
import { PlanError, UsageError } from '../errors.js';
import type { Change, Finding, LiveState, Plan } from '../model.js';
import { checkConfigHash } from '../plan/saved.js';
import { parseSavedPlan } from '../plan/saved-file.js';
import { savedPlanScopes } from '../plan/saved-scope.js';
import { findStale, withoutItems, type StaleItem } from '../plan/stale.js';
import { formatFinding } from '../render/findings.js';
import { renderResults } from '../render/results.js';
import { executePlan } from './execute-plan.js';
import { maskKey, useColor, type Io } from './io.js';
import type { PlatformOptions } from './options.js';
import { openWorkspace, type Workspace } from './workspace.js';

/** Exit code when stale items were skipped and everything else was applied. */
export const EXIT_PARTIAL = 3;

export async function runApplySaved(file: string, options: PlatformOptions & { skipStale: boolean }, io: Io): Promise<number> {
  if (options.target && options.target.length > 0) throw new UsageError('--target does not apply to a saved plan: it is applied as it was reviewed.');
  const saved = parseSavedPlan(await readText(file, io), file);
  const workspace = await openWorkspace(options, io);
  try {
    checkConfigHash(saved, workspace.desired.configHash, file, path.basename(workspace.desired.configFile));
    const stale = findStale(saved, await readTouched(workspace, saved.plan));
    const byAddress = new Map(saved.plan.changes.map((change) => [change.address, change]));
    const findings = stale.map((item): Finding => ({
      severity: options.skipStale ? 'warning' : 'error',
      code: 'stale',
      message: `${item.address}: ${item.reason}`,
      provider: byAddress.get(item.address)?.provider,
    }));
    if (stale.length > 0 && !options.skipStale) {
      throw new PlanError('plan-stale',
        `${stale.length === 1 ? '1 item' : `${stale.length} items`} of ${file} no longer ${stale.length === 1 ? 'matches' : 'match'} the platforms, so nothing was applied. Make a new plan, or apply the rest with --skip-stale.`,
        findings);
    }
    for (const finding of findings) io.stderr.write(`${formatFinding(finding)} (skipped)\n`);
    const applied = await executePlan(withoutItems(saved.plan, stale), workspace, options, io);
    const result = withSkipped(applied, saved.plan.changes, stale);
    if (options.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else io.stdout.write(renderResults(result, { color: useColor(io, options), maskEmails: options.maskEmails, maskKey: maskKey(io) }));
    if (result.failed > 0 || result.notAttempted > stale.length) return 1;
    return stale.length > 0 ? EXIT_PARTIAL : 0;
  } finally {
    await workspace.close();
  }
}

async function readText(file: string, io: Io): Promise<string> {
  try {
    return await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the saved plan ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads again, concurrently, only the providers, groups and customers the plan touches. */
function readTouched(workspace: Workspace, plan: Plan): Promise<LiveState[]> {
  const scopes = savedPlanScopes(plan, workspace.desired);
  return Promise.all([...scopes].map(([name, scope]) => {
    const provider = workspace.providers.get(name);
    if (!provider) throw new PlanError('unknown-provider', `The saved plan changes provider ${name}, which the config does not declare.`);
    return provider.read(scope);
  }));
}

/** The engine's result with the skipped items put back in plan order, as not attempted for being stale. */
function withSkipped(applied: ApplyResult, changes: readonly Change[], stale: readonly StaleItem[]): ApplyResult {
  const byChange = new Map<string, ItemResult>(applied.items.map((item) => [item.change.address, item]));
  const reasons = new Map(stale.map((item) => [item.address, item.reason]));
  const items = changes.flatMap((change): ItemResult[] => {
    const result = byChange.get(change.address);
    if (result) return [result];
    const reason = reasons.get(change.address);
    return reason === undefined ? [] : [{ change, status: 'not-attempted', error: { message: `stale: ${reason}`, code: 'stale' } }];
  });
  return { ...applied, items, notAttempted: applied.notAttempted + stale.length };
}
