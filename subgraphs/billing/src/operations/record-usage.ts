import { DomainError, periodOf, type Tx } from '@rg/kit';
import { inTerm } from '../domain/subscription';
import { loadSubscription } from '../store/subscription-store';
import { insertUsage, isKnownUsageEvent } from '../store/usage-store';

export interface UsageInput {
  contractId: string;
  productCode: string;
  quantity: number;
  occurredAt: string;
  eventId: string;
}

export interface UsageOutcome {
  accepted: boolean;
  duplicate: boolean;
}

const DUPLICATE: UsageOutcome = { accepted: false, duplicate: true };

/**
 * Records one metered usage event. A retried event (same eventId) is reported as a duplicate
 * before anything else is checked, so a retry gets the same answer whatever changed meanwhile.
 */
export async function recordUsage(tx: Tx, input: UsageInput): Promise<UsageOutcome> {
  const m = tx.manager;
  const at = (f: string) => ['input', f];
  if (!input.eventId.trim()) throw new DomainError('EVENT_ID_REQUIRED', 'A usage event needs an eventId', at('eventId'));
  if (await isKnownUsageEvent(m, input.eventId)) return DUPLICATE;
  if (!Number.isInteger(input.quantity) || input.quantity <= 0) {
    throw new DomainError('INVALID_QUANTITY', 'Usage quantity must be a positive whole number', at('quantity'));
  }
  const occurred = new Date(input.occurredAt);
  if (Number.isNaN(occurred.getTime())) throw new DomainError('INVALID_DATE', `"${input.occurredAt}" is not a date-time`, at('occurredAt'));
  const loaded = await loadSubscription(m, input.contractId);
  if (!loaded) throw new DomainError('CONTRACT_NOT_FOUND', `Contract ${input.contractId} was not found`, at('contractId'));
  const line = loaded.subscription.lines.find((l) => l.productCode === input.productCode);
  if (!line || line.chargeModel !== 'TIERED_USAGE') {
    throw new DomainError('PRODUCT_NOT_USAGE', `${input.productCode} is not a usage product of contract ${loaded.row.number}`, at('productCode'));
  }
  const day = occurred.toISOString().slice(0, 10);
  if (!inTerm(loaded.subscription, day)) {
    throw new DomainError('OUTSIDE_TERM', `Usage on ${day} is outside the term of contract ${loaded.row.number}`, at('occurredAt'));
  }
  const inserted = await insertUsage(m, { ...input, occurredAt: occurred.toISOString(), month: periodOf(day) });
  if (!inserted) return DUPLICATE;
  tx.setSubject('Contract', input.contractId);
  return { accepted: true, duplicate: false };
}
