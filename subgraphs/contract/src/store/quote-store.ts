import type { EntityManager } from 'typeorm';
import type { BillingFrequency } from '@rg/kit';
import type { PricedLine } from '../domain/quote-pricing';
import type { ApprovalLevel } from '../policies/approval-rules';
import { QuoteLineRow, QuoteRow, type KnownCustomerRow } from './entities';

export interface NewQuote {
  id: string;
  customer: KnownCustomerRow;
  startDate: string;
  termMonths: number;
  billingFrequency: BillingFrequency;
  requiredApproval: ApprovalLevel;
  createdBy: string;
  lines: PricedLine[];
}

export async function insertQuote(m: EntityManager, q: NewQuote): Promise<QuoteRow> {
  const row = m.create(QuoteRow, {
    id: q.id,
    customerId: q.customer.id,
    partnerId: q.customer.partnerId,
    currency: q.customer.currency,
    startDate: q.startDate,
    termMonths: q.termMonths,
    billingFrequency: q.billingFrequency,
    status: 'DRAFT',
    requiredApproval: q.requiredApproval,
    createdBy: q.createdBy,
    submittedBy: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    contractId: null,
    createdAt: new Date(),
  });
  await m.insert(QuoteRow, row);
  await m.insert(
    QuoteLineRow,
    q.lines.map((l, position) => ({
      quoteId: row.id,
      position,
      productCode: l.product.code,
      quantity: l.quantity,
      discountHundredths: Number(l.discountHundredths),
      listMicros: l.listMicros.toString(),
      sspMicros: l.sspMicros.toString(),
      netMicros: l.netMicros.toString(),
    })),
  );
  return row;
}

/** Locks a quote for a transition, so two deciders never both act on the same status. */
export const lockQuote = (m: EntityManager, id: string): Promise<QuoteRow | null> =>
  m.findOne(QuoteRow, { where: { id }, lock: { mode: 'pessimistic_write' } });

export const linesOfQuote = (m: EntityManager, quoteId: string): Promise<QuoteLineRow[]> =>
  m.find(QuoteLineRow, { where: { quoteId }, order: { position: 'ASC' } });

/** The state a transition audits, before and after. */
export const quoteSnapshot = (q: QuoteRow) => ({
  status: q.status,
  requiredApproval: q.requiredApproval,
  submittedBy: q.submittedBy,
  decidedBy: q.decidedBy,
  decisionComment: q.decisionComment,
  contractId: q.contractId,
});
