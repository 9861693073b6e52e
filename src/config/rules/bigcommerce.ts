// BigCommerce's own rules for groups (customers.v2.yml): a price_list discount rule stands alone, at most
// one `all` rule, each rule carries only the fields of its type, categories only with `type: specific`,
// and one guest group per store.
import type { Finding, SourcePos } from '../../model.js';
import type { DiscountRule } from '../schema-types.js';
import { either } from '../describe.js';
import { placeOf } from '../place.js';
import { error, groupPath, providersOfType, type GroupInfo, type Rule, type RuleContext } from './context.js';

/** Which rule types each optional rule field belongs to. */
const FIELD_TYPES: Record<string, readonly DiscountRule['type'][]> = {
  price_list_id: ['price_list'],
  category_id: ['category'],
  product_id: ['product'],
  method: ['all', 'category', 'product'],
  amount: ['all', 'category', 'product'],
};

export const checkBigCommerce: Rule = (context) => {
  const findings: Finding[] = [];
  for (const group of context.groups) {
    if (!group.config.bigcommerce || providersOfType(context, group, 'bigcommerce').length === 0) continue;
    findings.push(...discountRules(context, group), ...categoryAccess(context, group));
  }
  findings.push(...guestGroups(context));
  return findings;
};

function discountRules(context: RuleContext, group: GroupInfo): Finding[] {
  const rules = group.config.bigcommerce?.discount_rules ?? [];
  const findings: Finding[] = [];
  let allRules = 0;
  rules.forEach((rule, index) => {
    const path = groupPath(group, 'bigcommerce', 'discount_rules', index);
    const where = context.positions.value(path);
    if (rule.type === 'price_list' && rules.length > 1) {
      const message = `Discount rule ${index + 1} of group '${group.key}' is a price_list rule, which must be the group's only discount rule on BigCommerce; it has ${rules.length}.`;
      findings.push(error('bigcommerce-price-list-not-alone', message, where));
    }
    if (rule.type === 'all' && ++allRules === 2) {
      const message = `Group '${group.key}' has more than one 'all' discount rule; BigCommerce allows one.`;
      findings.push(error('bigcommerce-many-all-rules', message, where));
    }
    for (const [field, types] of Object.entries(FIELD_TYPES)) {
      if (!(field in rule) || types.includes(rule.type)) continue;
      const message = `'${field}' does not apply to a ${rule.type} rule (discount rule ${index + 1} of group '${group.key}'); it belongs to ${either(types)} rules.`;
      findings.push(error('bigcommerce-rule-field', message, context.positions.key([...path, field])));
    }
  });
  return findings;
}

function categoryAccess(context: RuleContext, group: GroupInfo): Finding[] {
  const access = group.config.bigcommerce?.category_access;
  if (!access?.categories || access.type === 'specific') return [];
  const message = `Group '${group.key}' lists 'categories' in its category_access, which BigCommerce allows only with 'type: specific' (it has 'type: ${access.type}').`;
  return [error('bigcommerce-categories-not-specific', message, context.positions.key(groupPath(group, 'bigcommerce', 'category_access', 'categories')))];
}

function guestGroups(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  /** Per BigCommerce provider: the first guest group. */
  const guests = new Map<string, { key: string; pos: SourcePos }>();
  for (const group of context.groups) {
    if (group.config.bigcommerce?.is_group_for_guests !== true) continue;
    const pos = context.positions.key(groupPath(group, 'bigcommerce', 'is_group_for_guests'));
    for (const provider of providersOfType(context, group, 'bigcommerce')) {
      const first = guests.get(provider);
      if (!first) {
        guests.set(provider, { key: group.key, pos });
        continue;
      }
      const message = `Groups '${first.key}' (${placeOf(first.pos, pos)}) and '${group.key}' are both the guest group of provider '${provider}'; BigCommerce allows one group with is_group_for_guests: true.`;
      findings.push(error('bigcommerce-many-guest-groups', message, pos));
    }
  }
  return findings;
}
