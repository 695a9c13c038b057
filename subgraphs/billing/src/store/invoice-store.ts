import type { EntityManager } from 'typeorm';
import type { BilledItem, PlannedItem } from '../domain/billed-items';
import type { InvoiceStatus } from '../domain/invoice-totals';
import { formatInvoiceNumber } from '../domain/invoice-number';
import { InvoiceRow } from './invoice-entities';

export async function billedItems(m: EntityManager, contractId: string): Promise<BilledItem[]> {
  const rows: Array<{ product_code: string; item_key: string; quantity: string; amount_minor: string }> = await m.query(
    `SELECT product_code, item_key, quantity, amount_minor FROM billed_item WHERE contract_id = $1`,
    [contractId],
  );
  return rows.map((r) => ({ productCode: r.product_code, itemKey: r.item_key, quantity: BigInt(r.quantity), amountMinor: BigInt(r.amount_minor) }));
}

/** Thrown when the unique key finds an item billed already (a concurrent run got there first). */
export class AlreadyBilledError extends Error {}

export async function claimItems(m: EntityManager, contractId: string, items: readonly PlannedItem[], invoiceId: string | null, billedOn: string) {
  for (const i of items) {
    try {
      await m.query(
        `INSERT INTO billed_item (contract_id, product_code, item_key, invoice_id, quantity, amount_minor, billed_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [contractId, i.productCode, i.itemKey, invoiceId, i.quantity.toString(), i.amountMinor.toString(), billedOn],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new AlreadyBilledError(`${contractId} ${i.productCode} ${i.itemKey} is billed already`);
      throw err;
    }
  }
}

/**
 * The next number of a legal entity's year. The counter row stays locked until the transaction
 * ends, so numbers are handed out in commit order and a rolled-back run leaves no gap.
 */
export async function nextInvoiceNumber(m: EntityManager, legalEntityCode: string, year: number): Promise<string> {
  const [row] = await m.query(
    `INSERT INTO invoice_counter (legal_entity_code, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (legal_entity_code, year) DO UPDATE SET last_number = invoice_counter.last_number + 1
     RETURNING last_number`,
    [legalEntityCode, year],
  );
  return formatInvoiceNumber(legalEntityCode, year, Number(row.last_number));
}

export interface NewInvoice {
  id: string;
  number: string;
  customerId: string;
  contractId: string | null;
  partnerId: string | null;
  legalEntityCode: string;
  currency: string;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  creditAppliedMinor: bigint;
  creditIssuedMinor: bigint;
  lines: Array<{
    kind: string;
    description: string;
    productCode: string | null;
    quantity: bigint;
    periodStart: string | null;
    periodEnd: string | null;
    amountMinor: bigint;
    taxMinor: bigint;
    amendmentId: string | null;
  }>;
}

export async function insertInvoice(m: EntityManager, inv: NewInvoice): Promise<void> {
  await m.query(
    `INSERT INTO invoice (id, number, customer_id, contract_id, partner_id, legal_entity_code, currency, status, issue_date,
                          due_date, subtotal_minor, tax_minor, total_minor, credit_applied_minor, credit_issued_minor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      inv.id, inv.number, inv.customerId, inv.contractId, inv.partnerId, inv.legalEntityCode, inv.currency, inv.status,
      inv.issueDate, inv.dueDate, inv.subtotalMinor.toString(), inv.taxMinor.toString(), inv.totalMinor.toString(),
      inv.creditAppliedMinor.toString(), inv.creditIssuedMinor.toString(),
    ],
  );
  let lineNo = 0;
  for (const l of inv.lines) {
    lineNo += 1;
    await m.query(
      `INSERT INTO invoice_line (invoice_id, line_no, kind, description, product_code, quantity, period_start, period_end,
                                 amount_minor, tax_minor, amendment_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [inv.id, lineNo, l.kind, l.description, l.productCode, l.quantity.toString(), l.periodStart, l.periodEnd,
        l.amountMinor.toString(), l.taxMinor.toString(), l.amendmentId],
    );
  }
}

export const lockInvoice = (m: EntityManager, id: string): Promise<InvoiceRow | null> =>
  m.findOne(InvoiceRow, { where: { id }, lock: { mode: 'pessimistic_write' } });

/** A customer's invoices with something due, oldest first, locked for payment application. */
export async function lockOpenInvoices(m: EntityManager, customerId: string): Promise<InvoiceRow[]> {
  return m
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .setLock('pessimistic_write')
    .where('i.customer_id = :customerId', { customerId })
    .andWhere(`i.status IN ('POSTED', 'PARTIALLY_PAID')`)
    .orderBy('i.issue_date', 'ASC')
    .addOrderBy('i.seq', 'ASC')
    .getMany();
}

export async function recordInvoicePaid(m: EntityManager, id: string, paidMinor: bigint, status: InvoiceStatus): Promise<void> {
  await m.query(`UPDATE invoice SET paid_minor = $2, status = $3 WHERE id = $1`, [id, paidMinor.toString(), status]);
}

/** Voids an invoice and releases what it billed, so those items can be billed again. */
export async function markVoid(m: EntityManager, id: string, reason: string, voidedOn: string): Promise<void> {
  await m.query(`UPDATE invoice SET status = 'VOID', void_reason = $2, voided_on = $3 WHERE id = $1`, [id, reason, voidedOn]);
  await m.query(`DELETE FROM billed_item WHERE invoice_id = $1`, [id]);
}

export async function hasPaymentApplications(m: EntityManager, invoiceId: string): Promise<boolean> {
  const rows = await m.query(`SELECT 1 FROM payment_application WHERE invoice_id = $1 LIMIT 1`, [invoiceId]);
  return rows.length > 0;
}
