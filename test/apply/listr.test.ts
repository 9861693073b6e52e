import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import type { ProgressOutput } from '../../src/apply/listr.js';
import { FakeProvider, assign, createGroup, emails, planOf, providersOf, ref } from './fake-provider.js';

/** Runs a small plan with one failure, returning what reached the progress stream and stdout. */
async function progressOf(output: ProgressOutput): Promise<{ progress: string; stdout: string }> {
  const stream = new PassThrough();
  let progress = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (progress += chunk));
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const cl = new FakeProvider('cl', { batchMembership: 2 });
  cl.failing.add('cl/gold');
  const plan = planOf([createGroup('cl', 'vip'), createGroup('cl', 'gold'), ...emails(5).map((email) => assign('cl', email, ref('vip', null)))]);
  await applyPlan(plan, providersOf(cl), { output, stream });
  vi.restoreAllMocks();
  return { progress, stdout };
}

describe('apply progress output', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes nothing at all when silent', async () => {
    expect(await progressOf('silent')).toEqual({ progress: '', stdout: '' });
  });

  it('writes one line per event to the given stream when plain, and nothing to stdout', async () => {
    const { progress, stdout } = await progressOf('plain');
    expect(stdout).toBe('');
    expect(progress).toContain('✔ cl: create group vip');
    expect(progress).toContain('✖ cl: create group gold [FAILED: cl/gold refused]');
    // One task for the whole membership phase, titled with its size; not one per customer.
    expect(progress).toContain('✔ cl: assign 5 customers');
    expect(progress).not.toContain('u0@example.com');
  });

  it('falls back to plain lines on the stream when there is no terminal', async () => {
    const isTTY = process.stdout.isTTY;
    process.stdout.isTTY = false;
    try {
      const { progress, stdout } = await progressOf('interactive');
      expect(stdout).toBe('');
      expect(progress).toContain('✔ cl: create group vip');
    } finally {
      process.stdout.isTTY = isTTY;
    }
  });

  it('draws a failed provider with a cross and its reason in the live tree on a terminal', async () => {
    const isTTY = process.stdout.isTTY;
    process.stdout.isTTY = true;
    try {
      const { progress, stdout } = await progressOf('interactive');
      expect(stdout).toBe('');
      // The live tree redraws with escape codes; its last frame is what stays on screen.
      const frame = stripVTControlCharacters(progress);
      expect(frame).toContain('✖ cl: 7 changes (1 of 7 failed)');
      expect(frame).toContain('✖ cl: create 2 groups (1 of 2 failed)');
    } finally {
      process.stdout.isTTY = isTTY;
    }
  });
});
