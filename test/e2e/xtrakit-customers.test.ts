// Xtrakit customers that an e-mail does not name alone: records without one, and two records sharing one.
import { describe, expect, it } from 'vitest';
import { address, groupOf, seed, useXtrakitCase } from './xtrakit-setup.js';

const start = useXtrakitCase();

/** The seed plus two customers without an e-mail in VIP (authoritative) and one in Newsletter (additive). */
function withoutEmails() {
  const state = seed();
  state.customer_groups.push({ id: 5, group_name: 'Newsletter' });
  state.customers.push(
    { id: 16, customer_email: null, customer_name: 'No Mail', ...address, customer_group_id: 1 },
    { id: 17, customer_email: '', customer_name: 'Blank Mail', ...address, customer_group_id: 1 },
    { id: 18, customer_email: null, customer_name: 'Walk-in', ...address, customer_group_id: 5 },
  );
  return state;
}

describe('groupform on Xtrakit: customers without a unique e-mail', () => {
  it('removes customers without an e-mail from an authoritative group, by id, and keeps them in an additive one', async () => {
    const { emulator, run } = await start({ emulator: { state: withoutEmails() } });

    const planned = await run(['plan']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`  - 3 customers leave xk/vip
      - customer #16 (no e-mail)
      - customer #17 (no e-mail)
      - old@example.com
`);
    expect(planned.stdout).not.toMatch(/xk\/members\/\s/);
    const json = JSON.parse((await run(['plan', '--format', 'json'])).stdout) as { changes: { address: string }[] };
    expect(json.changes.map((c) => c.address)).toEqual(expect.arrayContaining(['xk/members/#16', 'xk/members/#17']));
    expect(json.changes.map((c) => c.address)).not.toContain('xk/members/#18');

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 8 done, 0 failed, 0 not attempted.');
    expect(groupOf(emulator)).toMatchObject({ 15: null, 16: null, 17: null, 18: 5 });
    // Their other fields, the missing e-mail included, are as they were.
    expect(
      emulator
        .state()
        .customers.filter((c) => c.id >= 16)
        .map((c) => [c.customer_email, c.customer_name]),
    ).toEqual([
      [null, 'No Mail'],
      ['', 'Blank Mail'],
      [null, 'Walk-in'],
    ]);

    const again = await run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
  });

  it('refuses to guess between two customers with one e-mail, and says which e-mail and group', async () => {
    const state = seed();
    state.customers.push({ id: 19, customer_email: 'ANN@example.com', customer_name: 'Ann Twin', ...address });
    const { emulator, run } = await start({ emulator: { state } });

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(
      'groups.yaml:19:32: error: 2 customers on xk have the e-mail ann@example.com (#12, #19; group staff); ' +
        'cannot tell which to move: give each its own e-mail on the platform',
    );
    expect(applied.stderr).toContain('Error: the plan was refused: 1 problem above');
    expect(applied.stdout).toBe('');
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
