import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { resolveTargets } from '../../src/commands/target-option.js';
import { desired, group, instance } from '../plan/fixtures.js';

const state = desired([group('cl', 'vip'), group('bc', 'vip'), group('bc', 'bc')], [instance('cl'), instance('bc')]);

describe('resolveTargets', () => {
  it('reads a provider, a group key on every provider it lives on, and provider/key', () => {
    expect(resolveTargets(['cl'], state)).toEqual([{ provider: 'cl' }]);
    expect(resolveTargets(['vip'], state)).toEqual([
      { provider: 'cl', key: 'vip' },
      { provider: 'bc', key: 'vip' },
    ]);
    expect(resolveTargets(['bc/vip', 'bc/bc'], state)).toEqual([
      { provider: 'bc', key: 'vip' },
      { provider: 'bc', key: 'bc' },
    ]);
  });

  it('takes a bare name that is both a provider and a key as the provider', () => {
    expect(resolveTargets(['bc'], state)).toEqual([{ provider: 'bc' }]);
  });

  it('refuses what the config does not have', () => {
    expect(() => resolveTargets(['xk'], state)).toThrow(UsageError);
    expect(() => resolveTargets(['xk/vip'], state)).toThrow("--target xk/vip: provider 'xk' is not in groups.yaml");
    expect(() => resolveTargets(['cl/gold'], state)).toThrow("--target cl/gold: groups.yaml declares no group 'gold' on provider 'cl'.");
  });
});

describe('resolveTargets suggestions', () => {
  it('suggests the closest group key or provider for a typo', () => {
    expect(() => resolveTargets(['vpi'], state)).toThrow("--target vpi: no provider or group key of groups.yaml is called 'vpi'. Did you mean vip?");
    expect(() => resolveTargets(['cl/vpi'], state)).toThrow("declares no group 'vpi' on provider 'cl'. Did you mean cl/vip?");
    expect(() => resolveTargets(['bd/vip'], state)).toThrow("provider 'bd' is not in groups.yaml. Did you mean bc/vip?");
  });

  it('suggests nothing when nothing is close', () => {
    expect(() => resolveTargets(['wholesale'], state)).toThrow(/called 'wholesale'\. Name a provider/);
  });
});
