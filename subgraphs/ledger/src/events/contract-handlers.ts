import {
  addDays,
  PermanentEventError,
  versioned,
  type ContractActivatedV1,
  type ContractAmendedV1,
  type ContractCancelledV1,
  type OnboardingCompletedV1,
} from '@rg/kit';
import { applyAmendment, applyCancellation } from '../domain/modification';
import { obligationsForContract } from '../domain/obligations';
import { claimContractChange, findContract, saveContract } from '../store/contract-store';
import { lockObligations, saveObligations } from '../store/obligation-store';
import { requireLegalEntity } from './legal-entity';

/** A new contract's performance obligations, priced by relative SSP. */
export const onContractActivated = versioned<ContractActivatedV1>(1, async (p, _event, tx) => {
  if (await findContract(tx.manager, p.contractId)) return;
  await requireLegalEntity(tx.manager, p.legalEntityCode);
  await saveContract(tx.manager, p, 'ACTIVE');
  const obligations = obligationsForContract(p);
  await saveObligations(tx.manager, p.contractId, p.legalEntityCode, obligations);
  tx.audit({
    action: 'buildRevenueSchedule',
    entityType: 'Contract',
    entityId: p.contractId,
    after: obligations.map((o) => ({ key: o.key, allocated: o.allocated.toString(), pattern: o.pattern })),
  });
});

async function contractOf(tx: { manager: import('typeorm').EntityManager }, contractId: string) {
  const contract = await findContract(tx.manager, contractId);
  // Contract events are ordered per contract: an unknown one means its activation failed first.
  if (!contract) throw new Error(`Contract ${contractId} is not known to the ledger`);
  return contract;
}

/** Increases become new obligations; decreases and removals re-spread the affected ones. */
export const onContractAmended = versioned<ContractAmendedV1>(1, async (p, event, tx) => {
  const contract = await contractOf(tx, p.contractId);
  const fresh = await claimContractChange(tx.manager, {
    amendmentId: p.amendmentId,
    contractId: p.contractId,
    kind: p.kind,
    effectiveDate: p.effectiveDate,
    sourceEventId: event.id,
  });
  if (!fresh) return;
  const before = await lockObligations(tx.manager, p.contractId);
  const after = applyAmendment(before, p);
  await saveObligations(tx.manager, p.contractId, contract.legalEntityCode, after);
  await saveContract(tx.manager, p.after, 'ACTIVE');
  tx.audit({
    action: 'modifyRevenueSchedule',
    entityType: 'Contract',
    entityId: p.contractId,
    reason: `${p.kind} ${p.amendmentId} effective ${p.effectiveDate}`,
    before: before.map((o) => ({ key: o.key, allocated: o.allocated.toString() })),
    after: after.map((o) => ({ key: o.key, allocated: o.allocated.toString() })),
  });
});

/** Service ends the day before the effective date; the unserved rest comes off the obligations. */
export const onContractCancelled = versioned<ContractCancelledV1>(1, async (p, event, tx) => {
  const contract = await contractOf(tx, p.contractId);
  const fresh = await claimContractChange(tx.manager, {
    amendmentId: p.amendmentId,
    contractId: p.contractId,
    kind: 'CANCELLATION',
    effectiveDate: p.effectiveDate,
    sourceEventId: event.id,
  });
  if (!fresh) return;
  const before = await lockObligations(tx.manager, p.contractId);
  const after = applyCancellation(before, p);
  await saveObligations(tx.manager, p.contractId, contract.legalEntityCode, after);
  const lastDay = addDays(p.effectiveDate, -1);
  await saveContract(tx.manager, { ...p.before, version: p.version, endDate: lastDay < p.before.endDate ? lastDay : p.before.endDate }, 'CANCELLED');
  tx.audit({
    action: 'modifyRevenueSchedule',
    entityType: 'Contract',
    entityId: p.contractId,
    reason: `CANCELLATION effective ${p.effectiveDate}: ${p.reason}`,
    before: before.map((o) => ({ key: o.key, allocated: o.allocated.toString() })),
    after: after.map((o) => ({ key: o.key, allocated: o.allocated.toString() })),
  });
});

/** The point-in-time obligations delivered: the next recognition run books them in full. */
export const onOnboardingCompleted = versioned<OnboardingCompletedV1>(1, async (p, _event, tx) => {
  await contractOf(tx, p.contractId);
  if (!p.completedOn) throw new PermanentEventError('OnboardingCompleted without completedOn');
  await tx.manager.query(
    `UPDATE obligation SET delivered_on = $2
      WHERE contract_id = $1 AND pattern = 'POINT_IN_TIME' AND delivered_on IS NULL
        AND (cardinality($3::text[]) = 0 OR product_code = ANY($3::text[]))`,
    [p.contractId, p.completedOn, p.productCodes ?? []],
  );
});
