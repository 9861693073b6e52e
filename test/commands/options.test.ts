import { describe, expect, it } from 'vitest';
import { optionsFor, optionValueProblem } from '../../src/commands/options.js';

describe('optionsFor', () => {
  it('offers each command only the options that do something there', () => {
    expect(Object.keys(optionsFor('drift')).sort()).toEqual(['env-file', 'format', 'log-file', 'mask-emails', 'sandbox', 'sandbox-reset', 'strict', 'target']);
    expect(Object.keys(optionsFor('plan'))).not.toContain('parallelism');
    expect(Object.keys(optionsFor('apply'))).toContain('parallelism');
    expect(Object.keys(optionsFor('import')).sort()).toEqual(['env-file', 'log-file', 'sandbox', 'sandbox-reset']);
    expect(Object.keys(optionsFor('validate'))).toEqual(['env-file']);
    expect(Object.keys(optionsFor('show'))).not.toContain('env-file');
  });

  it('gives apply no markdown output', () => {
    expect(optionsFor('apply').format?.choices).toEqual(['text', 'json']);
    expect(optionsFor('plan').format?.choices).toEqual(['text', 'json', 'markdown', 'html']);
  });
});

describe('optionValueProblem', () => {
  const declared = { string: ['out', 'target'], number: ['parallelism', 'fault-rate'] };

  it('accepts sound values and absent options', () => {
    expect(optionValueProblem({ out: 'p.json', target: ['cl'], parallelism: 4, 'fault-rate': 0.5 }, declared)).toBeUndefined();
    expect(optionValueProblem({}, declared)).toBeUndefined();
  });

  it('refuses a number option that is not a number or out of its range', () => {
    expect(optionValueProblem({ parallelism: Number.NaN }, declared)).toBe('--parallelism needs a number');
    expect(optionValueProblem({ parallelism: 0 }, declared)).toBe('--parallelism 0: must be a whole number of at least 1');
    expect(optionValueProblem({ parallelism: 2.5 }, declared)).toBe('--parallelism 2.5: must be a whole number of at least 1');
    expect(optionValueProblem({ 'fault-rate': 2 }, declared)).toBe('--fault-rate 2: must be a number from 0 to 1');
  });

  it('refuses an empty value', () => {
    expect(optionValueProblem({ out: '' }, declared)).toBe('--out needs a value');
    expect(optionValueProblem({ target: ['cl', ''] }, declared)).toBe('--target needs a value');
  });
});
