import type {
  AmendmentKind,
  ContractActivatedV1,
  ContractAmendedV1,
  ContractCancelledV1,
  ContractTerms,
  NewEvent,
  OnboardingCompletedV1,
} from '@rg/kit';
import type { LineChange } from '../domain/amendment-plan';

// The contract subgraph's events: what billing, ledger and renewal learn contracts from.

export const contractActivated = (terms: ContractTerms, quoteId: string, activatedAt: Date): NewEvent<ContractActivatedV1> => ({
  type: 'ContractActivated',
  aggregateType: 'Contract',
  aggregateId: terms.contractId,
  payload: { ...terms, quoteId, activatedAt: activatedAt.toISOString() },
});

export const contractAmended = (a: {
  amendmentId: string;
  kind: AmendmentKind;
  effectiveDate: string;
  changes: LineChange[];
  before: ContractTerms;
  after: ContractTerms;
}): NewEvent<ContractAmendedV1> => ({
  type: 'ContractAmended',
  aggregateType: 'Contract',
  aggregateId: a.after.contractId,
  payload: {
    contractId: a.after.contractId,
    customerId: a.after.customerId,
    amendmentId: a.amendmentId,
    kind: a.kind,
    effectiveDate: a.effectiveDate,
    version: a.after.version,
    changes: a.changes,
    before: a.before,
    after: a.after,
  },
});

export const contractCancelled = (c: {
  amendmentId: string;
  effectiveDate: string;
  version: number;
  reason: string;
  before: ContractTerms;
}): NewEvent<ContractCancelledV1> => ({
  type: 'ContractCancelled',
  aggregateType: 'Contract',
  aggregateId: c.before.contractId,
  payload: {
    contractId: c.before.contractId,
    customerId: c.before.customerId,
    amendmentId: c.amendmentId,
    effectiveDate: c.effectiveDate,
    version: c.version,
    reason: c.reason,
    before: c.before,
  },
});

export const onboardingCompleted = (p: OnboardingCompletedV1): NewEvent<OnboardingCompletedV1> => ({
  type: 'OnboardingCompleted',
  aggregateType: 'Contract',
  aggregateId: p.contractId,
  payload: p,
});
