import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import { interrupted, ResultBook } from '../../src/apply/result.js';
import { verdictOf } from '../../src/apply/settle.js';
import type { Change } from '../../src/model.js';
import { FakeProvider, assign, createGroup, planOf, providersOf, ref } from './fake-provider.js';

/** The plain progress lines of applying `changes` on `cl` (and an always-succeeding `bc`). */
async function plainProgress(cl: FakeProvider, changes: Change[]): Promise<string[]> {
  const stream = new PassThrough();
  let progress = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (progress += chunk));
  const bc = new FakeProvider('bc');
  await applyPlan(planOf([...changes, createGroup('bc', 'x')]), providersOf(cl, bc), { output: 'plain', stream });
  return progress.split('\n');
}

const into = (email: string, key: string | null, id: string | null) => assign('cl', `${email}@example.com`, ref(key, id));

describe('apply progress tells the truth about phases and providers', () => {
  it('fails a group phase and its provider when one group change failed', async () => {
    const cl = new FakeProvider('cl');
    cl.failing.add('cl/gold');
    const lines = await plainProgress(cl, [createGroup('cl', 'vip'), createGroup('cl', 'gold')]);
    expect(lines).toContain('✖ cl: create group gold [FAILED: cl/gold refused]');
    expect(lines).toContain('✖ cl: create 2 groups [FAILED: 1 of 2 failed]');
    expect(lines).toContain('✖ cl: 2 changes [FAILED: 1 of 2 failed]');
    // The other provider is untouched by cl's failure.
    expect(lines).toContain('✔ bc: 1 change');
    expect(lines.filter((line) => line.startsWith('✔ cl: 2 changes') || line.startsWith('✔ cl: create or'))).toEqual([]);
  });

  it('fails, never skips, a membership phase where some customers succeeded and others failed', async () => {
    const cl = new FakeProvider('cl');
    cl.failing.add('cl/members/b@example.com');
    cl.failing.add('cl/members/c@example.com');
    const lines = await plainProgress(cl, [into('a', 'g', '1'), into('b', 'g', '1'), into('c', 'g', '1')]);
    expect(lines).toContain('✖ cl: assign 3 customers [FAILED: 2 of 3 failed]');
    expect(lines).toContain('✖ cl: 3 changes [FAILED: 2 of 3 failed]');
    expect(lines.join('\n')).not.toContain('SKIPPED');
  });

  it('fails a phase where some changes ran and the rest could not be attempted', async () => {
    const cl = new FakeProvider('cl');
    cl.failing.add('cl/vip');
    const lines = await plainProgress(cl, [createGroup('cl', 'vip'), into('a', 'g', '1'), into('b', 'vip', null), into('c', 'vip', null)]);
    expect(lines).toContain('✖ cl: assign 3 customers [FAILED: 2 of 3 not attempted]');
    expect(lines).toContain('✖ cl: 4 changes [FAILED: 1 of 4 failed, 2 not attempted]');
  });

  it('skips a phase only when nothing in it was attempted, saying why', async () => {
    const cl = new FakeProvider('cl');
    cl.failing.add('cl/vip');
    const lines = await plainProgress(cl, [createGroup('cl', 'vip'), into('a', 'vip', null), into('b', 'vip', null)]);
    expect(lines).toContain('↓ cl: assign 2 customers [SKIPPED: group cl/vip was not created (its create failed)]');
    expect(lines).toContain('✖ cl: 3 changes [FAILED: 1 of 3 failed, 2 not attempted]');
  });

  it('marks a provider done when every change is done', async () => {
    const lines = await plainProgress(new FakeProvider('cl'), [createGroup('cl', 'vip'), into('a', 'vip', null)]);
    expect(lines).toContain('✔ cl: create 1 group');
    expect(lines).toContain('✔ cl: assign 1 customer');
    expect(lines).toContain('✔ cl: 2 changes');
  });
});

describe('verdictOf', () => {
  const changes = [into('a', 'g', '1'), into('b', 'g', '1'), into('c', 'g', '1')];
  const [a, b, c] = changes;

  it('is done when all are done', () => {
    const book = new ResultBook(changes);
    for (const change of changes) book.done(change);
    expect(verdictOf(book, changes)).toEqual({ state: 'done' });
  });

  it('is skipped only when none was attempted, with their reason when they share one', () => {
    const book = new ResultBook(changes);
    for (const change of changes) book.notAttempted(change, interrupted);
    expect(verdictOf(book, changes)).toEqual({ state: 'skipped', reason: interrupted.message });
    const mixed = new ResultBook(changes);
    mixed.notAttempted(a, interrupted);
    mixed.notAttempted(b, { message: 'group x was not created' });
    mixed.notAttempted(c, interrupted);
    expect(verdictOf(mixed, changes)).toEqual({ state: 'skipped', reason: '3 not attempted' });
  });

  it('is failed when any failed, or when some ran and some were not attempted', () => {
    const book = new ResultBook(changes);
    book.done(a);
    book.failed(b, new Error('locked'));
    book.notAttempted(c, interrupted);
    expect(verdictOf(book, changes)).toEqual({ state: 'failed', reason: '1 of 3 failed, 1 not attempted' });
    const partial = new ResultBook(changes);
    partial.done(a);
    partial.notAttempted(b, interrupted);
    partial.notAttempted(c, interrupted);
    expect(verdictOf(partial, changes)).toEqual({ state: 'failed', reason: '2 of 3 not attempted' });
  });
});
