import { describe, expect, it } from 'vitest';
import { declaredNotAmong, withFound } from '../../src/providers/declared-customers.js';
import type { LiveCustomer } from '../../src/model.js';

const customer = (id: string, email: string, groupId: string | null = '1'): LiveCustomer => ({ id, email, groupId });

describe('declaredNotAmong', () => {
  it('keeps the declared e-mails no member has, in declared order, whatever their case', () => {
    const members = [customer('1', 'ava@example.com'), customer('2', 'undeclared@example.com'), customer('3', 'liam@example.com')];
    expect(declaredNotAmong(members, ['zoe@example.com', 'LIAM@example.com', 'ava@example.com', 'mia@example.com'])).toEqual([
      'zoe@example.com',
      'mia@example.com',
    ]);
    expect(members.map((m) => m.email)).toEqual(['ava@example.com', 'undeclared@example.com', 'liam@example.com']);
  });

  it('looks up every declared e-mail when there are no members, and none when nothing is declared', () => {
    expect(declaredNotAmong([], ['a@x.com', 'b@x.com'])).toEqual(['a@x.com', 'b@x.com']);
    expect(declaredNotAmong([customer('1', 'a@x.com')], [])).toEqual([]);
  });
});

describe('withFound', () => {
  it('appends the customers found, and one found again replaces its member entry where it was', () => {
    const members = [customer('1', 'a@x.com'), customer('2', 'b@x.com')];
    const moved = customer('2', 'b@x.com', '9');
    const result = withFound(members, [customer('5', 'e@x.com', null), moved]);
    expect(result).toEqual([customer('1', 'a@x.com'), moved, customer('5', 'e@x.com', null)]);
    expect(result).toBe(members);
  });

  it('returns the members as they are when nothing was found', () => {
    const members = [customer('1', 'a@x.com')];
    expect(withFound(members, [])).toBe(members);
  });
});
