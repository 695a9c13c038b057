import { allow, requireApproval, type Decision } from '@rg/kit';
import { formatDiscount } from '../domain/discount';
import { APPROVAL_RULES, type ApprovalLevel, type ApprovalRules } from './approval-rules';

/** The approval a quote needs, from its highest line discount. */
export function approvalLevelFor(discountsHundredths: bigint[], rules: ApprovalRules = APPROVAL_RULES): ApprovalLevel {
  const highest = discountsHundredths.reduce((a, b) => (b > a ? b : a), 0n);
  const band = rules.discountLevels.find((b) => highest <= b.upToHundredths);
  return band ? band.level : 'FINANCE';
}

/** Policy applied when a quote is priced: allow, or the approval level its discounts require. */
export function discountApprovalPolicy(discountsHundredths: bigint[], rules: ApprovalRules = APPROVAL_RULES): Decision {
  const level = approvalLevelFor(discountsHundredths, rules);
  if (level === 'NONE') return allow();
  const highest = discountsHundredths.reduce((a, b) => (b > a ? b : a), 0n);
  return requireApproval(level, `Highest line discount ${formatDiscount(highest)}% needs ${level} approval`);
}
