import type { RenewalStatus } from './forecast';

export type RenewalOutcome = 'RENEWED' | 'CHURNED';

export interface OutcomeProblem {
  code: string;
  message: string;
  field: string[];
}

/**
 * Checks an outcome against the renewal: it is decided once; a renewal is evidenced by the new
 * contract of the same customer that carries the revenue on, a churn has none.
 */
export function outcomeProblem(
  renewal: { status: RenewalStatus; customerId: string; contractId: string },
  outcome: RenewalOutcome,
  newContractId: string | null | undefined,
  newContract: { customerId: string } | null,
): OutcomeProblem | null {
  if (renewal.status !== 'OPEN') {
    return { code: 'RENEWAL_ALREADY_DECIDED', message: `This renewal is already ${renewal.status}`, field: ['renewalId'] };
  }
  if (outcome === 'CHURNED') {
    return newContractId
      ? { code: 'NEW_CONTRACT_NOT_ALLOWED', message: 'A churned renewal has no new contract', field: ['newContractId'] }
      : null;
  }
  if (!newContractId) {
    return { code: 'NEW_CONTRACT_REQUIRED', message: 'A renewal names the new contract that continues the revenue', field: ['newContractId'] };
  }
  if (newContractId === renewal.contractId) {
    return { code: 'NEW_CONTRACT_IS_RENEWED_CONTRACT', message: 'The new contract must differ from the contract being renewed', field: ['newContractId'] };
  }
  if (!newContract) {
    return { code: 'NEW_CONTRACT_NOT_FOUND', message: `Contract ${newContractId} is not active (no activation seen)`, field: ['newContractId'] };
  }
  if (newContract.customerId !== renewal.customerId) {
    return { code: 'NEW_CONTRACT_OTHER_CUSTOMER', message: 'The new contract belongs to another customer', field: ['newContractId'] };
  }
  return null;
}
