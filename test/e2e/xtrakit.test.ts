// The real CLI against the Xtrakit emulator: plan, apply, and a plan that then shows no changes.
import { describe, expect, it } from 'vitest';
import { config, customer, groupOf, useXtrakitCase } from './xtrakit-setup.js';

const start = useXtrakitCase();

describe('groupform on Xtrakit: plan, apply, converge', () => {
  it('creates, updates, moves, unassigns and prunes, leaving ignored groups alone, then plans no changes', async () => {
    const { emulator, run } = await start();

    const planned = await run(['plan', '--detailed-exitcode']);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(2);
    // In the order apply runs it: John out of the group about to be deleted, the delete, the create, the update,
    // then the other memberships. The header names the platform and where it is reached (a port of the emulator here).
    expect(planned.stdout.replace(/^Provider xk \(Xtrakit, 127\.0\.0\.1:\d+\)$/m, 'Provider xk')).toContain(`Provider xk
  + 1 customer joins xk/vip
      ~ john@example.com (from xk/#4 (Beta testers))
  - delete group xk/#4 (Beta testers)
  + create group xk/newsletter
      name: "Newsletter"
      description: "Weekly news"
  ~ update group xk/vip
      description: "Big spenders" -> "Spent over $1,000 last year"
  + 1 customer joins xk/staff
      + ann@example.com
  - 1 customer leaves xk/vip
      - old@example.com
`);
    expect(planned.stdout).toContain('Plan: 1 group to add, 1 to change, 1 to delete; 3 customers to move.');
    // Planning only reads.
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 6 done, 0 failed, 0 not attempted.');

    const state = emulator.state();
    expect(state.customer_groups.map((g) => [g.id, g.group_name, g.group_description])).toEqual([
      [1, 'VIP', 'Spent over $1,000 last year'],
      [2, 'Staff', null],
      // Pruning deletes Beta testers (4) but not Legacy Spring Promo, which `ignore` covers.
      [3, 'Legacy Spring Promo', null],
      [5, 'Newsletter', 'Weekly news'],
    ]);
    // John moved into VIP, Ann joined Staff, Old left VIP; Zoe stays in the ignored group.
    expect(groupOf(emulator)).toEqual({ 10: 1, 11: 1, 12: 2, 13: 2, 14: 3, 15: null });

    const again = await run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. Live state matches groups.yaml.');
    // An apply with nothing to do writes nothing.
    const writes = emulator.requests.filter((r) => r.method !== 'GET').length;
    const idle = await run(['apply', '--auto-approve']);
    expect(idle.code).toBe(0);
    expect(idle.stdout).toContain('No changes.');
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toHaveLength(writes);
  });

  it('moves a customer by re-sending its fields exactly as read, and changes no other field', async () => {
    const { emulator, run } = await start();
    const before = emulator.state().customers;

    expect((await run(['apply', '--auto-approve'])).code).toBe(0);

    const puts = emulator.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/api/v1/customers/'));
    expect(puts.map((r) => r.path).sort()).toEqual(['/api/v1/customers/11', '/api/v1/customers/12', '/api/v1/customers/15']);
    for (const put of puts) {
      const id = Number(put.path.split('/').at(-1));
      const read = before.find((c) => c.id === id)!;
      const { customer_name, customer_phone, customer_country, customer_city, customer_state, address1 } = read;
      const optional = Object.fromEntries(
        (['customer_email', 'customer_whatsapp', 'customer_zip', 'address2'] as const).flatMap((f) => (read[f] ? [[f, read[f]]] : [])),
      );
      expect(put.body).toEqual({
        customer_name,
        customer_phone,
        customer_country,
        customer_city,
        customer_state,
        address1,
        ...optional,
        customer_group_id: { 11: 1, 12: 2, 15: null }[id],
      });
      // Every other field of the record is as it was (updated_at aside).
      const { customer_group_id: _g, updated_at: _u, ...rest } = customer(emulator, id);
      const { customer_group_id: _g0, updated_at: _u0, ...restBefore } = read;
      expect(rest).toEqual(restBefore);
    }
    // Customers the plan does not move are not written at all.
    const untouched = emulator.state().customers.filter((c) => ![11, 12, 15].includes(c.id));
    expect(untouched).toEqual(before.filter((c) => ![11, 12, 15].includes(c.id)));
  });

  it('warns about declared customers the platform does not have, and refuses the plan with --strict', async () => {
    const { emulator, run } = await start();

    const planned = await run(['plan']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(
      'groups.yaml:24:15: warning: customer ghost@example.com (group newsletter) not found on xk; groupform never creates customers',
    );

    const strict = await run(['apply', '--auto-approve', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      'groups.yaml:24:15: error: customer ghost@example.com (group newsletter) not found on xk; groupform never creates customers',
    );
    expect(strict.stderr).toContain('Error: the plan was refused: 1 problem above');
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(emulator.state().customer_groups.map((g) => g.id)).toEqual([1, 2, 3, 4]);
  });

  it('points a missing customer of a members file at its own line of that file', async () => {
    const files = {
      'groups.yaml': config.replace('members: [ghost@example.com]', 'members_file: newsletter.txt'),
      'newsletter.txt': '# signed up at the till\n\n  ghost@example.com\n',
    };
    const { run } = await start({ files });
    const planned = await run(['plan']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('newsletter.txt:3:3: warning: customer ghost@example.com (group newsletter) not found on xk');
  });

  it('renames in place a group whose declared name differs only in case: the platform holds one such name', async () => {
    const { emulator, run } = await start({ files: { 'groups.yaml': config.replace('name: Staff', 'name: STAFF') } });

    const planned = await run(['plan']);
    expect(planned.stdout).toContain('  ~ update group xk/staff\n      name: "Staff" -> "STAFF"\n');
    expect(planned.stdout).not.toContain('create group xk/staff');
    expect((await run(['apply', '--auto-approve'])).code).toBe(0);
    expect(emulator.state().customer_groups.find((g) => g.id === 2)?.group_name).toBe('STAFF');
    expect((await run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('plans as JSON on stdout, with the changes the text plan shows', async () => {
    const { run } = await start();
    const planned = await run(['plan', '--format', 'json']);
    expect(planned.code).toBe(0);
    const plan = JSON.parse(planned.stdout) as { changes: { kind: string; action: string; address: string }[] };
    expect(plan.changes.map((c) => `${c.action} ${c.address}`)).toEqual([
      'update xk/members/john@example.com',
      'delete xk/#4',
      'create xk/newsletter',
      'update xk/vip',
      'create xk/members/ann@example.com',
      'delete xk/members/old@example.com',
    ]);
  });
});
