import {
  addDays,
  PermanentEventError,
  versioned,
  type ContractActivatedV1,
  type ContractAmendedV1,
  type ContractCancelledV1,
  type HandlerTx,
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

type Obligations = Awaited<ReturnType<typeof lockObligations>>;

/**
 * A contract change applied to its obligations once (claimed by amendment id), with the schedule
 * before and after on the audit trail. False when the change was applied already.
 */
async function modifySchedule(
  tx: HandlerTx,
  change: { amendmentId: string; contractId: string; kind: string; effectiveDate: string; reason: string },
  apply: (before: Obligations) => Obligations,
): Promise<boolean> {
  const contract = await contractOf(tx, change.contractId);
  const fresh = await claimContractChange(tx.manager, {
    amendmentId: change.amendmentId,
    contractId: change.contractId,
    kind: change.kind,
    effectiveDate: change.effectiveDate,
    sourceEventId: tx.event.id,
  });
  if (!fresh) return false;
  const before = await lockObligations(tx.manager, change.contractId);
  const after = apply(before);
  await saveObligations(tx.manager, change.contractId, contract.legalEntityCode, after);
  const allocations = (list: Obligations) => list.map((o) => ({ key: o.key, allocated: o.allocated.toString() }));
  tx.audit({
    action: 'modifyRevenueSchedule',
    entityType: 'Contract',
    entityId: change.contractId,
    reason: change.reason,
    before: allocations(before),
    after: allocations(after),
  });
  return true;
}

/** Increases become new obligations; decreases and removals re-spread the affected ones. */
export const onContractAmended = versioned<ContractAmendedV1>(1, async (p, _event, tx) => {
  const reason = `${p.kind} ${p.amendmentId} effective ${p.effectiveDate}`;
  if (await modifySchedule(tx, { ...p, reason }, (before) => applyAmendment(before, p))) {
    await saveContract(tx.manager, p.after, 'ACTIVE');
  }
});

/** Service ends the day before the effective date; the unserved rest comes off the obligations. */
export const onContractCancelled = versioned<ContractCancelledV1>(1, async (p, _event, tx) => {
  const reason = `CANCELLATION effective ${p.effectiveDate}: ${p.reason}`;
  if (await modifySchedule(tx, { ...p, kind: 'CANCELLATION', reason }, (before) => applyCancellation(before, p))) {
    const lastDay = addDays(p.effectiveDate, -1);
    await saveContract(tx.manager, { ...p.before, version: p.version, endDate: lastDay < p.before.endDate ? lastDay : p.before.endDate }, 'CANCELLED');
  }
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
