import { describe, expect, it } from 'vitest';
import { failureOf, loadFixture } from './helpers.js';

describe('a file with one provider and no defaults.providers', () => {
  it('puts every group on that provider', async () => {
    const { desired, findings } = await loadFixture('valid', 'one-provider-no-defaults.yaml');
    expect(findings).toEqual([]);
    expect(desired.groups.map((group) => [group.key, group.provider])).toEqual([
      ['vip', 'xk'],
      ['staff', 'xk'],
    ]);
  });

  it('still asks for a provider when the file has several', async () => {
    const findings = await failureOf('invalid', 'group-on-no-provider.yaml');
    expect(findings.map((finding) => finding.code)).toEqual(['no-provider']);
  });
});
