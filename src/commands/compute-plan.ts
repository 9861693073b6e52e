// The read-and-diff half of plan, apply and drift: config → providers → live state → Plan.
import { plan as diff } from '../plan/plan.js';
import { PlanError } from '../errors.js';
import type { Capabilities, DesiredState, Finding, LiveState, Plan } from '../model.js';
import type { PlanTarget } from '../plan/targets.js';
import type { Io } from './io.js';
import type { PlatformOptions } from './options.js';
import { resolveTargets } from './target-option.js';
import { openWorkspace, readLive, readProgress, type Workspace, type WorkspaceContext } from './workspace.js';

export interface ComputedPlan {
  plan: Plan;
  desired: DesiredState;
  /** Config warnings. */
  findings: Finding[];
  /** What the plan was computed from (`plan --out` records it). */
  live: LiveState[];
  capabilities: Record<string, Capabilities>;
  /** The `--target`s the plan is narrowed to (empty: everything). */
  targets: PlanTarget[];
  workspace: Workspace;
}

/** Computes the plan; the workspace stays open (for apply) and is closed by `close()` or on failure. */
export async function openPlan(options: PlatformOptions, io: Io, context: WorkspaceContext = {}): Promise<ComputedPlan> {
  const workspace = await openWorkspace(options, io, context);
  try {
    // `--target`: only the targeted providers are read, and the plan keeps only the targeted changes.
    const targets = resolveTargets(options.target ?? [], workspace.desired);
    const only = targets.length > 0 ? new Set(targets.map((target) => target.provider)) : undefined;
    const live = await readLive(workspace, { only, progress: readProgress(io, options), stream: io.stderr, bulk: options.bulk ?? true });
    const plan = diff(workspace.desired, live, {
      capabilities: workspace.capabilities,
      force: options.force,
      strict: options.strict,
      targets,
      bulk: options.bulk ?? true,
    });
    const errors = plan.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw new PlanError('plan-refused', `the plan was refused: ${errors.length} problem${errors.length === 1 ? '' : 's'} above`, errors);
    }
    return { plan, desired: workspace.desired, findings: workspace.findings, live, capabilities: workspace.capabilities, targets, workspace };
  } catch (error) {
    await workspace.close();
    throw error;
  }
}

/** Computes the plan and closes everything it opened. */
export async function computePlan(options: PlatformOptions, io: Io): Promise<Omit<ComputedPlan, 'workspace'>> {
  const computed = await openPlan(options, io);
  await computed.workspace.close();
  return computed;
}
