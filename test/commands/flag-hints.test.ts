import { describe, expect, it } from 'vitest';
import { singleDashProblem, usageMessage } from '../../src/commands/flag-hints.js';

describe('singleDashProblem', () => {
  it('refuses a Terraform-style single-dash long option, with the two-dash spelling', () => {
    expect(singleDashProblem(['plan', '-out=p.json'])).toBe('-out=p.json: options with a long name take two dashes: --out=p.json');
    expect(singleDashProblem(['plan', '-sandbox'])).toBe('-sandbox: options with a long name take two dashes: --sandbox');
  });

  it('lets one-letter options, negative numbers and anything after -- through', () => {
    expect(singleDashProblem(['plan', '-c', 'groups.yaml', '-h', '--out', 'p.json'])).toBeUndefined();
    expect(singleDashProblem(['sandbox', '--latency-ms', '-5'])).toBeUndefined();
    expect(singleDashProblem(['plan', '--', '-out=p.json'])).toBeUndefined();
  });
});

describe('usageMessage', () => {
  const known = ['config', 'sandbox', 'sandbox-reset', 'out', 'target'];

  it('suggests the closest flag for each unknown one typed as a flag', () => {
    expect(usageMessage('Unknown argument: sandbx', ['plan', '--sandbx'], known)).toBe('Unknown argument: sandbx\n--sandbx: did you mean --sandbox?');
    expect(usageMessage('Unknown arguments: sandbx, targte', ['plan', '--sandbx', '--targte=cl'], known)).toBe(
      'Unknown arguments: sandbx, targte\n--sandbx: did you mean --sandbox?\n--targte: did you mean --target?',
    );
  });

  it('suggests nothing for a stray word or a flag unlike any other', () => {
    expect(usageMessage('Unknown argument: sandbx', ['plan', 'sandbx'], known)).toBe('Unknown argument: sandbx');
    expect(usageMessage('Unknown argument: frobnicate', ['plan', '--frobnicate'], known)).toBe('Unknown argument: frobnicate');
  });

  it('names the flag a value is missing for', () => {
    expect(usageMessage('Not enough arguments following: out', ['plan', '--out'], known)).toBe('--out needs a value');
  });
});
