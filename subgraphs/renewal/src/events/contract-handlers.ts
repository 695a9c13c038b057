import {
  newId,
  versioned,
  type ContractActivatedV1,
  type ContractAmendedV1,
  type ContractCancelledV1,
  type EventHandlers,
} from '@rg/kit';
import { annualRecurringMinor, renewalDateOf } from '../domain/arr';
import { contractionsOf } from '../domain/contraction';
import { RenewalRow } from '../store/entities';
import { cancelExpiry, findRenewalByContract, recordArrChange, scheduleExpiry } from '../store/renewal-store';
import { recordContractions } from '../store/signal-store';
import { reassess } from './reassess';

const missing = (contractId: string) => new Error(`No renewal for contract ${contractId}: its ContractActivated was not applied`);

/** A renewal opens with its contract, follows its amendments and churns when it is cancelled. */
export const contractHandlers: EventHandlers = {
  ContractActivated: versioned<ContractActivatedV1>(1, async (p, event, tx) => {
    if (await findRenewalByContract(tx.manager, p.contractId, true)) return;
    const arr = annualRecurringMinor(p.lines, p.currency);
    const row = tx.manager.create(RenewalRow, {
      id: newId('Renewal'),
      contractId: p.contractId,
      customerId: p.customerId,
      partnerId: p.partnerId,
      currency: p.currency,
      contractVersion: p.version,
      startDate: p.startDate,
      endDate: p.endDate,
      renewalDate: renewalDateOf(p.endDate),
      lines: p.lines,
      status: 'OPEN',
      currentArrMinor: arr.toString(),
      lostArrMinor: null,
      decidedOn: null,
      newContractId: null,
      riskScore: 0,
      riskLevel: 'LOW',
      riskFactors: [],
      scoredAsOf: p.startDate,
      createdAt: new Date(),
    });
    await tx.manager.insert(RenewalRow, row);
    if (arr !== 0n) {
      await recordArrChange(tx.manager, { ...changeOf(row), effectiveDate: p.startDate, deltaMinor: arr.toString(), cause: 'ACTIVATION', sourceId: p.contractId });
    }
    await scheduleExpiry(tx.manager, row);
    await reassess(tx.manager, [row], p.startDate, { type: event.type, eventId: event.id });
    tx.audit({ action: 'openRenewal', entityType: 'Renewal', entityId: row.id, decision: 'ALLOWED', after: { contractId: p.contractId, renewalDate: row.renewalDate, currentArrMinor: row.currentArrMinor } });
  }),

  ContractAmended: versioned<ContractAmendedV1>(1, async (p, event, tx) => {
    const row = await findRenewalByContract(tx.manager, p.contractId, true);
    if (!row) throw missing(p.contractId);
    if (p.version <= row.contractVersion) return;
    const before = { currentArrMinor: row.currentArrMinor, renewalDate: row.renewalDate };
    const arrBefore = annualRecurringMinor(p.before.lines, p.before.currency);
    const arrAfter = annualRecurringMinor(p.after.lines, p.after.currency);
    if (arrAfter !== arrBefore) {
      await recordArrChange(tx.manager, { ...changeOf(row), effectiveDate: p.effectiveDate, deltaMinor: (arrAfter - arrBefore).toString(), cause: 'AMENDMENT', sourceId: p.amendmentId });
    }
    Object.assign(row, {
      contractVersion: p.version,
      lines: p.after.lines,
      endDate: p.after.endDate,
      renewalDate: renewalDateOf(p.after.endDate),
      currentArrMinor: arrAfter.toString(),
    });
    await tx.manager.save(RenewalRow, row);
    if (row.status !== 'CHURNED') await scheduleExpiry(tx.manager, row);
    await recordContractions(tx.manager, p, contractionsOf(p.before, p.after));
    if (row.status === 'OPEN') await reassess(tx.manager, [row], p.effectiveDate, { type: event.type, eventId: event.id });
    tx.audit({ action: 'revalueRenewal', entityType: 'Renewal', entityId: row.id, decision: 'ALLOWED', reason: `${p.kind} ${p.amendmentId}`, before, after: { currentArrMinor: row.currentArrMinor, renewalDate: row.renewalDate } });
  }),

  ContractCancelled: versioned<ContractCancelledV1>(1, async (p, event, tx) => {
    const row = await findRenewalByContract(tx.manager, p.contractId, true);
    if (!row) throw missing(p.contractId);
    if (p.version <= row.contractVersion) return;
    const before = { status: row.status, currentArrMinor: row.currentArrMinor };
    const arr = annualRecurringMinor(p.before.lines, p.before.currency);
    if (arr !== 0n) {
      await recordArrChange(tx.manager, { ...changeOf(row), effectiveDate: p.effectiveDate, deltaMinor: (-arr).toString(), cause: 'CANCELLATION', sourceId: p.amendmentId });
    }
    await cancelExpiry(tx.manager, row.contractId);
    row.contractVersion = p.version;
    // A contract cancelled after it was already renewed into a new one is a replacement, not churn.
    if (row.status === 'OPEN') {
      Object.assign(row, { status: 'CHURNED', lostArrMinor: arr.toString(), decidedOn: p.effectiveDate });
    }
    await tx.manager.save(RenewalRow, row);
    await reassess(tx.manager, [row], p.effectiveDate, { type: event.type, eventId: event.id });
    tx.audit({ action: 'churnRenewal', entityType: 'Renewal', entityId: row.id, decision: 'ALLOWED', reason: p.reason, before, after: { status: row.status, lostArrMinor: row.lostArrMinor } });
  }),
};

const changeOf = (r: RenewalRow) => ({ contractId: r.contractId, customerId: r.customerId, partnerId: r.partnerId, currency: r.currency });
