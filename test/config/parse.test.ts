import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';

const parse = (text: string, env: Record<string, string> = {}) => parseConfig(text, 'g.yaml', env);
const messages = (text: string, env: Record<string, string> = {}) =>
  parse(text, env).findings.map((f) => `${f.pos?.line}:${f.pos?.column} ${f.code}: ${f.message}`);

describe('parseConfig', () => {
  it('returns plain data and the place of every key and value', () => {
    const { data, positions, findings } = parse('version: 1\ngroups:\n  vip:\n    name: VIP\n    members: [a@example.com, b@example.com]\n');
    expect(findings).toEqual([]);
    expect(data).toEqual({ version: 1, groups: { vip: { name: 'VIP', members: ['a@example.com', 'b@example.com'] } } });
    expect(positions.key(['groups', 'vip'])).toEqual({ file: 'g.yaml', line: 3, column: 3 });
    expect(positions.value(['groups', 'vip', 'name'])).toEqual({ file: 'g.yaml', line: 4, column: 11 });
    expect(positions.value(['groups', 'vip', 'members', 1])).toEqual({ file: 'g.yaml', line: 5, column: 30 });
  });

  it('places an empty value at its key, and a missing path at its nearest ancestor', () => {
    const { data, positions } = parse('groups:\n  vip:\n    name:\n');
    expect(data).toEqual({ groups: { vip: { name: null } } });
    expect(positions.value(['groups', 'vip', 'name'])).toEqual({ file: 'g.yaml', line: 3, column: 5 });
    expect(positions.key(['groups', 'vip', 'members', 3])).toEqual({ file: 'g.yaml', line: 2, column: 3 });
  });

  it('keeps a key named __proto__ as data', () => {
    const { data } = parse('groups:\n  __proto__:\n    name: x\n');
    const groups = (data as { groups: object }).groups;
    expect(Object.getPrototypeOf(groups)).toBe(Object.prototype);
    expect(Object.keys(groups)).toEqual(['__proto__']);
  });

  it('resolves ${VAR} in strings, points at the ${ of an unset one, and records which values came from the environment', () => {
    const text = 'a: "x ${SET} y ${UNSET}"\nb: |\n  line one\n  ${ALSO_UNSET}\nc: plain\n';
    const { data, fromEnv, findings } = parse(text, { SET: 'ok' });
    // An unset one stays as written, so that `validate` can go on checking the file.
    expect((data as { a: string }).a).toBe('x ok y ${UNSET}');
    expect([...fromEnv]).toEqual(['/a', '/b']);
    expect(findings.map((f) => [f.code, f.pos?.line, f.pos?.column])).toEqual([
      ['unset-variable', 1, 16],
      ['unset-variable', 4, 3],
    ]);
  });

  it('does not interpolate keys or non-string values', () => {
    expect(parse('${KEY}: 5\n', { KEY: 'k' }).data).toEqual({ '${KEY}': 5 });
  });

  it('reports every duplicate key, naming the first', () => {
    expect(messages('a: 1\nb: 2\na: 3\nb: 4\n')).toEqual([
      "3:1 duplicate-key: Duplicate key 'a' in the file (first at line 1, column 1); a key may appear only once.",
      "4:1 duplicate-key: Duplicate key 'b' in the file (first at line 2, column 1); a key may appear only once.",
    ]);
  });

  it('expands aliases and refuses one that contains itself', () => {
    expect(parse('a: &x [1, 2]\nb: *x\n').data).toEqual({ a: [1, 2], b: [1, 2] });
    expect(messages('a: &x\n  - *x\n')).toEqual(['2:5 bad-alias: The alias *x contains itself.']);
  });

  it('reports one syntax error per line and no data', () => {
    const result = parse('- a\nb: 1\n');
    expect(result.data).toBeUndefined();
    expect(result.findings.map((f) => [f.code, f.pos?.line, f.pos?.column])).toEqual([['yaml-syntax', 2, 1]]);
  });

  it('rejects a file of several documents in plain words', () => {
    expect(messages('a: 1\n---\nb: 2\n')).toEqual([
      '2:1 yaml-syntax: Invalid YAML: the file holds more than one document (a --- line); it must be one document.',
    ]);
  });

  it('keeps YAML warnings as warnings', () => {
    const { findings } = parse('a: !custom x\n');
    expect(findings.map((f) => [f.severity, f.code])).toEqual([['warning', 'yaml-warning']]);
  });

  it('refuses a list or a map as a key, keeping the rest of the map', () => {
    const { data, findings } = parse('groups:\n  ? [a, b]\n  : 1\n  vip: { name: VIP }\n');
    expect(data).toEqual({ groups: { vip: { name: 'VIP' } } });
    expect(messages('groups:\n  ? [a, b]\n  : 1\n')).toEqual(['2:5 bad-key: A key must be a plain name, not a list or a map.']);
    expect(findings.map((f) => f.code)).toEqual(['bad-key']);
  });

  it('refuses a file with more than 100,000 lines and list items before parsing it, at the line that crosses', () => {
    const text = 'groups:\n  vip:\n    members: [' + 'a,'.repeat(100_000) + ']\n';
    const { data, findings } = parse(text);
    expect(data).toBeUndefined();
    // Two newlines, then the 99,999th comma of line 3 (each `a,` after the 14 characters of `    members: [`).
    expect(findings.map((f) => `${f.pos?.line}:${f.pos?.column} ${f.code}`)).toEqual([`3:${14 + 2 * 99_999} config-too-dense`]);
    expect(findings[0]!.message).toContain('more than 100,000 lines and list items');
  });
});
