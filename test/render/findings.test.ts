import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { count, formatFinding, sortFindings } from '../../src/render/findings.js';

const finding = (file: string | undefined, line = 1, column = 1): Finding => ({
  severity: 'error',
  code: 'x',
  message: `${file}:${line}:${column}`,
  ...(file ? { pos: { file, line, column } } : {}),
});

describe('sortFindings', () => {
  it('puts placeless findings first, then the main file, then other files, each by line and column', () => {
    const findings = [
      finding('b.txt', 1),
      finding('groups.yaml', 9, 2),
      finding('a.txt', 5),
      finding(undefined),
      finding('groups.yaml', 9, 1),
      finding('groups.yaml', 2, 7),
    ];
    expect(sortFindings(findings, 'groups.yaml').map((f) => f.message)).toEqual([
      'undefined:1:1',
      'groups.yaml:2:7',
      'groups.yaml:9:1',
      'groups.yaml:9:2',
      'a.txt:5:1',
      'b.txt:1:1',
    ]);
  });
});

describe('formatFinding and count', () => {
  it('writes compiler-style lines', () => {
    expect(formatFinding({ severity: 'warning', code: 'x', message: 'Look here.', pos: { file: 'g.yaml', line: 3, column: 4 } })).toBe(
      'g.yaml:3:4: warning: Look here.',
    );
  });

  it('counts with thousands separators and plurals', () => {
    expect([count(1, 'error'), count(0, 'warning'), count(1204, 'member')]).toEqual(['1 error', '0 warnings', '1,204 members']);
  });
});
