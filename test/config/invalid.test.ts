import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortFindings } from '../../src/render/findings.js';
import { failureOf, fixturesDir } from './helpers.js';
import { invalidCases } from './invalid-cases.js';

describe('the invalid config corpus', () => {
  it('has an expectation for every fixture, and at least 25 of them', () => {
    const files = readdirSync(fixturesDir + 'invalid').filter((name) => name.endsWith('.yaml'));
    expect(files.sort()).toEqual(Object.keys(invalidCases).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(invalidCases))('%s: reports exactly its mistake', async (fixture, expected) => {
    const findings = sortFindings(await failureOf('invalid', fixture), fixture);
    expect(findings.map((f) => ({ severity: f.severity, file: f.pos?.file, line: f.pos?.line, column: f.pos?.column, message: f.message }))).toEqual(
      expected.map((e) => ({ severity: 'error', file: e.file ?? fixture, line: e.line, column: e.column, message: e.message })),
    );
  });
});
