import type { ComposeRule } from '../../../compose/audit.js';

export type { ComposeRule } from '../../../compose/audit.js';

export function composeRule(rule: Omit<ComposeRule, 'target'>): ComposeRule {
  return { ...rule, target: 'compose' };
}
