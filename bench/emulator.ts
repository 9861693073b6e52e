// One platform emulator in a process of its own, for a case: the platform is remote in real use, so its work
// must not share the client's thread or count in the client's memory. Started by lib/emulated.ts: it is sent
// an EmulatorSpec, answers `{ url }`, and stops when its parent disconnects (or dies).
import { startBigCommerceEmulator } from '../src/emulators/bigcommerce/index.js';
import { startCommerceLayerEmulator } from '../src/emulators/commercelayer/index.js';
import { startXtrakitEmulator } from '../src/emulators/xtrakit/index.js';
import type { ProviderType } from '../src/model.js';
import { scaledClock } from './lib/clocks.js';
import { buildScenario, type Scenario, type ScenarioShape } from './lib/scenario.js';
import { BC_STORE, bigCommerceSeed, commerceLayerSeed, xtrakitSeed } from './lib/seeds.js';

export interface EmulatorSpec {
  type: ProviderType;
  /** The scenario, or for a big one its shape, built here so that it never fills the measured process. */
  scenario: Scenario | { shape: ScenarioShape };
  /** The platform's documented rate limits; off unless a case is about them. */
  rateLimits: boolean;
  /** A sped-up clock shared with the client (both compute it from the same start); default: real time. */
  clock?: { start: number; factor: number };
  /** Commerce Layer's environment, whose limits the emulator keeps and whose token says which; default test. */
  mode?: 'test' | 'live';
}

export interface EmulatorReady {
  url: string;
}

async function start(spec: EmulatorSpec): Promise<{ url: string; close(): Promise<void> }> {
  const clock = spec.clock ? scaledClock(spec.clock.factor, spec.clock.start) : undefined;
  const now = clock ? () => clock.now() : undefined;
  const scenario = 'shape' in spec.scenario ? buildScenario(spec.scenario.shape) : spec.scenario;
  switch (spec.type) {
    case 'commercelayer':
      return startCommerceLayerEmulator({
        state: commerceLayerSeed(scenario),
        seed: 1,
        now,
        mode: spec.mode ?? 'test',
        ...(spec.rateLimits ? {} : { rateLimits: false }),
      });
    case 'bigcommerce':
      return startBigCommerceEmulator({
        state: bigCommerceSeed(scenario),
        stores: [BC_STORE],
        now,
        ...(spec.rateLimits ? {} : { quota: Number.MAX_SAFE_INTEGER }),
      });
    case 'xtrakit':
      return startXtrakitEmulator({ state: xtrakitSeed(scenario), seed: 1, now, ...(spec.rateLimits ? {} : { rateLimits: false }) });
  }
}

process.once('message', (spec: EmulatorSpec) => {
  void start(spec).then((emulator) => {
    process.once('disconnect', () => void emulator.close());
    process.send?.({ url: emulator.url } satisfies EmulatorReady);
  });
});
