// `plan --out FILE`: the saved plan, written whole or not at all (a pipeline must never apply half a file).
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSavedPlan, serializeSavedPlan } from '../plan/saved.js';
import type { ComputedPlan } from './compute-plan.js';
import type { Io } from './io.js';

export async function savePlan(file: string, computed: Omit<ComputedPlan, 'workspace'>, io: Io, now: Date = new Date()): Promise<void> {
  const saved = buildSavedPlan(computed.plan, {
    desired: computed.desired,
    live: computed.live,
    capabilities: computed.capabilities,
    targets: computed.targets,
    createdAt: now.toISOString(),
  });
  const target = path.resolve(io.cwd, file);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, serializeSavedPlan(saved));
  await rename(temporary, target);
}
