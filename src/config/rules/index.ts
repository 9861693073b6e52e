// The semantic rules, run in this order after the schema pass; each returns its findings as data.
import type { Finding } from '../../model.js';
import { checkBigCommerce } from './bigcommerce.js';
import { checkCommerceLayerCodes } from './commercelayer.js';
import type { Rule, RuleContext } from './context.js';
import { checkUniqueNames } from './names.js';
import { checkPins } from './pins.js';
import { checkPlacement } from './placement.js';
import { checkNameLimits } from './platform-limits.js';
import { checkLiteralSecrets } from './secrets.js';

const RULES: readonly Rule[] = [checkLiteralSecrets, checkPlacement, checkPins, checkCommerceLayerCodes, checkUniqueNames, checkBigCommerce, checkNameLimits];

export function runRules(context: RuleContext): Finding[] {
  return RULES.flatMap((rule) => rule(context));
}

export type { GroupInfo, RuleContext } from './context.js';
