import { describe, expect, it } from 'vitest';
import { declareMembers, indexMembers, type DeclaredMembers } from '../../src/config/members.js';
import { splitMemberLines } from '../../src/config/members-file.js';
import { Positions } from '../../src/config/positions.js';

const positions = new Positions('g.yaml');

/** Declared members of an inline-only group; places are `g.yaml:<index+1>:1`. */
function inline(key: string, emails: string[]): DeclaredMembers {
  return { key, emails, invalid: new Set(), place: (i) => ({ file: 'g.yaml', line: i + 1, column: 1 }) };
}

describe('declareMembers', () => {
  it('puts inline members before the file, lower-cased, and reports invalid inline ones as written and file lines by place only', () => {
    const file = { display: 'm.txt', lines: splitMemberLines('Mia@Example.com\nnot an address\n') };
    const { declared, findings } = declareMembers({ key: 'vip', inline: ['Ava@Example.com', 'Bad.Example.com'], file }, positions);
    expect(declared.emails).toEqual(['ava@example.com', 'bad.example.com', 'mia@example.com', 'not an address']);
    expect([...declared.invalid]).toEqual([1, 3]);
    expect(findings.map((f) => [f.message, f.pos])).toEqual([
      ["'Bad.Example.com' in group 'vip' is not a valid e-mail address.", positions.value(['groups', 'vip', 'members', 1])],
      ["This line of the members_file of group 'vip' is not a valid e-mail address.", { file: 'm.txt', line: 2, column: 1 }],
    ]);
  });

  it('reuses the file’s array when there are no inline members', () => {
    const lines = splitMemberLines('a@example.com\n');
    expect(declareMembers({ key: 'vip', inline: [], file: { display: 'm.txt', lines } }, positions).declared.emails).toBe(lines.emails);
  });
});

describe('indexMembers', () => {
  it('keeps each address once per group, warning at the repeat, and keeps places of what it kept', () => {
    const declared = inline('vip', ['a@example.com', 'b@example.com', 'a@example.com', 'c@example.com']);
    const { members, findings } = indexMembers([{ declared, providers: ['bc'] }]);
    expect(members[0].emails).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(members[0].place(2)).toEqual({ file: 'g.yaml', line: 4, column: 1 });
    expect(findings.map((f) => [f.severity, f.pos?.line, f.message])).toEqual([
      ['warning', 3, "a@example.com is listed twice in group 'vip' (first at line 1, column 1); the repeat is ignored."],
    ]);
  });

  it('returns the declared array itself when nothing was dropped', () => {
    const declared = inline('vip', ['a@example.com']);
    expect(indexMembers([{ declared, providers: ['bc'] }]).members[0].emails).toBe(declared.emails);
  });

  it('reports an address in two groups of one provider at the later place, once for all shared providers', () => {
    const { findings } = indexMembers([
      { declared: inline('vip', ['a@example.com', 'b@example.com']), providers: ['cl', 'bc'] },
      { declared: inline('staff', ['x@example.com', 'b@example.com']), providers: ['cl', 'bc'] },
      { declared: inline('eu', ['b@example.com']), providers: ['bc-eu'] },
    ]);
    expect(findings.map((f) => [f.code, f.pos?.line, f.message])).toEqual([
      [
        'member-in-two-groups',
        2,
        "b@example.com is in group 'staff' and in group 'vip' (line 2, column 1), both on providers 'cl' and 'bc'; a customer can be in only one group of a provider.",
      ],
    ]);
  });

  it('finds repeats in a group on no known provider, and ignores invalid addresses', () => {
    const declared = { ...inline('vip', ['bad', 'bad', 'a@example.com', 'a@example.com']), invalid: new Set([0, 1]) };
    const { members, findings } = indexMembers([{ declared, providers: [] }]);
    expect(members[0].emails).toEqual(['a@example.com']);
    expect(findings.map((f) => f.code)).toEqual(['duplicate-member']);
  });
});
