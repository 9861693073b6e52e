// `groupform apply FILE`: applies exactly a plan saved by `plan --out`, with no prompt (the review happened on
// the plan). Re-reads only what the plan touches, then checks every item (src/plan/saved-check.ts): one the
// config would not make today refuses the whole plan; the safety limits hold unless --force; items already in
// effect are skipped. Any stale item: nothing is applied (exit 1), unless --skip-stale applies the rest and
// reports the skipped ones (exit 3).
import path from 'node:path';
import type { ApplyResult, ItemResult } from '../apply/apply.js';
import { PlanError } from '../errors.js';
import { resolveTargets } from './target-option.js';
import type { Change, Finding, LiveState, Plan } from '../model.js';
import { checkConfigHash } from '../plan/saved.js';
import { MAX_SAVED_PLAN_BYTES, parseSavedPlan } from '../plan/saved-file.js';
import { savedPlanScopes } from '../plan/saved-scope.js';
import { checkSavedPlan } from '../plan/saved-check.js';
import type { StaleItem } from '../plan/stale.js';
import { formatFinding } from '../render/findings.js';
import { renderResults } from '../render/results.js';
import { applyExitCode, executePlan } from './execute-plan.js';
import { maskKey, useColor, type Io } from './io.js';
import type { PlatformOptions } from './options.js';
import { readBounded } from './read-bounded.js';
import { openWorkspace, type Workspace } from './workspace.js';

/** Exit code when stale items were skipped and everything else was applied. */
const EXIT_PARTIAL = 3;

export async function runApplySaved(file: string, options: PlatformOptions & { skipStale: boolean }, io: Io): Promise<number> {
  const saved = parseSavedPlan(await readBounded(file, io.cwd, MAX_SAVED_PLAN_BYTES, `the saved plan ${file}`), file);
  const workspace = await openWorkspace(options, io);
  try {
    const { desired } = workspace;
    checkConfigHash(saved, desired.configHash, file, path.basename(desired.configFile));
    // --target here is the pipeline's own word on what may change: every item must be inside it.
    const targets = resolveTargets(options.target ?? [], desired);
    const check = checkSavedPlan(saved, {
      desired,
      live: await readTouched(workspace, saved.plan),
      capabilities: workspace.capabilities,
      targets,
      force: options.force,
      strict: options.strict,
    });
    if (check.refused.length > 0) {
      const n = check.refused.length;
      throw new PlanError(
        'plan-not-from-config',
        `${n === 1 ? '1 change' : `${n} changes`} of ${file} ${n === 1 ? 'is' : 'are'} not what ${path.basename(desired.configFile)} asks for today, so nothing was applied. A saved plan is checked against the config, not trusted: make a new plan.`,
        check.refused,
      );
    }
    if (check.safety.length > 0) {
      throw new PlanError(
        'plan-refused',
        `${file} was refused: ${check.safety.length === 1 ? '1 problem' : `${check.safety.length} problems`} above`,
        check.safety,
      );
    }
    const { stale } = check;
    const byAddress = new Map(saved.plan.changes.map((change) => [change.address, change]));
    const findings = stale.map((item): Finding => ({
      severity: options.skipStale ? 'warning' : 'error',
      code: 'stale',
      message: `${item.address}: ${item.reason}`,
      provider: byAddress.get(item.address)?.provider,
    }));
    if (stale.length > 0 && !options.skipStale) {
      throw new PlanError(
        'plan-stale',
        `${stale.length === 1 ? '1 item' : `${stale.length} items`} of ${file} no longer ${stale.length === 1 ? 'matches' : 'match'} the platforms, so nothing was applied. Make a new plan, or apply the rest with --skip-stale.`,
        findings,
      );
    }
    for (const finding of findings) io.stderr.write(`${formatFinding(finding)} (skipped)\n`);
    if (check.applied.length > 0) io.stderr.write(alreadyApplied(check.applied));
    const executed = await executePlan(check.plan, workspace, options, io);
    const result = withSkipped(executed.result, saved.plan.changes, stale);
    if (options.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else io.stdout.write(renderResults(result, { color: useColor(io, options), maskEmails: options.maskEmails, maskKey: maskKey(io) }));
    const code = applyExitCode({ ...executed, result }, stale.length);
    return code === 0 && stale.length > 0 ? EXIT_PARTIAL : code;
  } finally {
    await workspace.close();
  }
}

/** One line: re-running a plan after a partial apply is normal, and what is done needs no list item by item. */
function alreadyApplied(addresses: readonly string[]): string {
  const shown = addresses.slice(0, 10).join(', ');
  const more = addresses.length > 10 ? `, … and ${addresses.length - 10} more` : '';
  return `${addresses.length === 1 ? '1 item is' : `${addresses.length} items are`} already applied on the platforms (skipped): ${shown}${more}\n`;
}

/** Reads again, concurrently, only the providers, groups and customers the plan touches. */
function readTouched(workspace: Workspace, plan: Plan): Promise<LiveState[]> {
  const scopes = savedPlanScopes(plan, workspace.desired);
  return Promise.all(
    [...scopes].map(([name, scope]) => {
      const provider = workspace.providers.get(name);
      if (!provider) throw new PlanError('unknown-provider', `The saved plan changes provider ${name}, which the config does not declare.`);
      return provider.read(scope);
    }),
  );
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
