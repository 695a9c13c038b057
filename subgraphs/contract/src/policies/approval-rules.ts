import type { Role } from '@rg/kit';
import rules from './approval-rules.json';
import { parseDiscount } from '../domain/discount';

export type ApprovalLevel = 'NONE' | 'SALES_MANAGER' | 'FINANCE';

export interface ApprovalRules {
  /** Ascending: the first band whose ceiling the highest line discount does not exceed decides. */
  discountLevels: Array<{ upToHundredths: bigint; level: ApprovalLevel }>;
  /** Roles that may decide a quote needing each level. */
  approvers: Record<Exclude<ApprovalLevel, 'NONE'>, Role[]>;
}

/** The thresholds are data (approval-rules.json), so finance can change them without code. */
export function loadApprovalRules(raw: typeof rules = rules): ApprovalRules {
  const discountLevels = raw.discountLevels.map((band) => {
    const upToHundredths = parseDiscount(band.upToPercent);
    if (upToHundredths === null) throw new Error(`approval-rules.json: bad percent "${band.upToPercent}"`);
    return { upToHundredths, level: band.level as ApprovalLevel };
  });
  return { discountLevels, approvers: raw.approvers as ApprovalRules['approvers'] };
}

export const APPROVAL_RULES = loadApprovalRules();
