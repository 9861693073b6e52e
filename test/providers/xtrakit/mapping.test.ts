import { describe, expect, it } from 'vitest';
import { groupBody, membershipBody, normalize, toLiveCustomer, toLiveGroup } from '../../../src/providers/xtrakit/mapping.js';

describe('Xtrakit mapping', () => {
  it('maps a group record to a live group with ISO time', () => {
    const row = { id: 4, group_name: 'VIP', group_description: null, updated_at: '2024-05-06 07:08:09' };
    expect(toLiveGroup(row)).toEqual({
      id: '4',
      name: 'VIP',
      attributes: { name: 'VIP', description: null },
      updatedAt: '2024-05-06T07:08:09Z',
    });
    expect(toLiveGroup({ group_name: 'no id' })).toBeUndefined();
  });

  it('maps a customer, reading 0, "" and null all as no group', () => {
    expect(toLiveCustomer({ id: 1, customer_email: ' John@Example.com', customer_group_id: 3 })).toMatchObject({
      id: '1',
      email: 'john@example.com',
      groupId: '3',
    });
    for (const none of [0, '', null, undefined]) {
      expect(toLiveCustomer({ id: 1, customer_group_id: none })?.groupId).toBeNull();
    }
  });

  it('normalizes as the platform stores: trimmed, empty description null', () => {
    expect(normalize({ name: ' VIP ', description: '  ' })).toEqual({ name: 'VIP', description: null });
    expect(normalize({ name: 'VIP' })).toEqual({ name: 'VIP' });
  });

  it('keeps the current name and description on an edit that does not declare them', () => {
    const current = { id: 1, group_name: 'VIP', group_description: 'Big spenders' };
    expect(groupBody({ description: 'New' }, current)).toEqual({ group_name: 'VIP', group_description: 'New' });
    expect(groupBody({ name: 'Gold' }, current)).toEqual({ group_name: 'Gold', group_description: 'Big spenders' });
    expect(groupBody({ name: 'Gold' })).toEqual({ group_name: 'Gold' });
  });

  it('re-sends the customer fields as read (a PUT may replace the record), empty optional ones left out, and nothing else but the group', () => {
    const current = {
      id: 9,
      customer_name: 'Jane',
      customer_email: 'jane@example.com',
      customer_phone: '+1 555',
      customer_country: 'US',
      customer_city: 'Austin',
      customer_state: 'TX',
      customer_zip: '73301',
      address1: '1 Main St',
      address2: null,
    };
    expect(membershipBody(current, '12')).toEqual({
      customer_name: 'Jane',
      customer_email: 'jane@example.com',
      customer_phone: '+1 555',
      customer_country: 'US',
      customer_city: 'Austin',
      customer_state: 'TX',
      customer_zip: '73301',
      address1: '1 Main St',
      customer_group_id: 12,
    });
    expect(membershipBody(current, null).customer_group_id).toBeNull();
  });
});
