import { allow, deny, type Actor, type Decision } from '@rg/kit';
import { APPROVAL_RULES, type ApprovalLevel, type ApprovalRules } from './approval-rules';

/** Only holders of the quote's approval level (or a higher one) decide on it. */
export function approverAuthorityPolicy(
  quote: { requiredApproval: ApprovalLevel },
  actor: Actor,
  rules: ApprovalRules = APPROVAL_RULES,
): Decision {
  if (quote.requiredApproval === 'NONE') return allow();
  const allowed = rules.approvers[quote.requiredApproval];
  if (actor.roles.some((r) => allowed.includes(r))) return allow();
  return deny('APPROVAL_AUTHORITY', `A ${quote.requiredApproval} approval needs one of the roles ${allowed.join(', ')}`, ['quoteId']);
}
