import { describe, expect, it } from 'vitest';
import { parseXtrakitState } from '../../../src/emulators/xtrakit/state.js';
import { StateValidationError } from '../../../src/emulators/common/state-file.js';

const NOW = '2025-01-02 03:04:05';

describe('parseXtrakitState', () => {
  it('fills what a seed leaves out and numbers records after the highest id', () => {
    const state = parseXtrakitState(
      {
        business_code: 'B1',
        customer_groups: [{ id: 7, group_name: 'VIP' }, { group_name: 'Staff' }],
        customers: [{ customer_email: 'a@x.com', customer_group_id: 7 }],
      },
      NOW,
    );
    expect(state.customer_groups.map((g) => [g.id, g.group_name, g.group_description, g.business_code, g.created_at])).toEqual([
      [7, 'VIP', null, 'B1', NOW],
      [8, 'Staff', null, 'B1', NOW],
    ]);
    expect(state.customers[0]).toMatchObject({ id: 1, customer_group_id: 7, customer_name: null, address1: null, updated_at: NOW });
    expect(state.user_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports every problem at once', () => {
    const raw = {
      extra: 1,
      customer_groups: [
        { id: 1, group_name: '' },
        { id: 1, group_name: 'B', created_at: 'yesterday' },
      ],
      customers: [{ id: -2, customer_group_id: 9, customer_phone: 5, colour: 'red' }],
    };
    let issues: string[] = [];
    try {
      parseXtrakitState(raw, NOW);
    } catch (error) {
      expect(error).toBeInstanceOf(StateValidationError);
      issues = (error as StateValidationError).issues;
    }
    expect(issues).toEqual([
      'state.extra: unknown field',
      'customer_groups[1].id: 1 is not unique',
      'customer_groups[0].group_name: a non-empty string is required',
      'customer_groups[1].created_at: "yesterday" is not YYYY-MM-DD HH:MM:SS',
      'customers[0].colour: unknown field',
      'customers[0].id: a positive integer is required',
      'customers[0].customer_group_id: no customer group 9',
      'customers[0].customer_phone: a string or null is required',
    ]);
  });
});
