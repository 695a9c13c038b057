import { isValidDate } from '@rg/kit';
import { isOneTime } from './catalog';
import type { TermLine } from './contract-terms';
import { problem, type Problem } from './problem';

/** The one-time obligations a completion delivers, or why it cannot be recorded. */
export function onboardingDelivery(
  contract: { startDate: string; status: 'ACTIVE' | 'CANCELLED'; onboardingCompletedOn: string | null },
  lines: TermLine[],
  completedOn: string,
): { ok: true; productCodes: string[] } | { ok: false; problem: Problem } {
  const fail = (code: string, message: string, field = ['completedOn']) => ({ ok: false as const, problem: problem(code, message, field) });
  if (contract.status === 'CANCELLED') return fail('CONTRACT_CANCELLED', 'The contract is cancelled', ['contractId']);
  if (contract.onboardingCompletedOn) {
    return fail('ONBOARDING_ALREADY_COMPLETED', `Onboarding was completed on ${contract.onboardingCompletedOn}`, ['contractId']);
  }
  const productCodes = lines.filter((l) => isOneTime(l.chargeModel)).map((l) => l.productCode);
  if (productCodes.length === 0) return fail('NO_ONE_TIME_OBLIGATION', 'The contract has no one-time line to deliver', ['contractId']);
  if (!isValidDate(completedOn)) return fail('INVALID_DATE', `"${completedOn}" is not a valid date (YYYY-MM-DD)`);
  if (completedOn < contract.startDate) {
    return fail('COMPLETED_BEFORE_START', `Onboarding cannot complete before the contract starts (${contract.startDate})`);
  }
  return { ok: true, productCodes };
}
