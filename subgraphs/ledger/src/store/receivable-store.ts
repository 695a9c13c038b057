import type { EntityManager } from 'typeorm';

export interface ReceivableMovement {
  sourceEventId: string;
  legalEntityCode: string;
  currency: string;
  customerId: string;
  /** null: the customer's unapplied credit. */
  invoiceId: string | null;
  businessDate: string;
  amount: bigint;
}

/** Billing's receivables as its events describe them, one signed movement at a time. */
export async function recordMovements(m: EntityManager, movements: readonly ReceivableMovement[]): Promise<void> {
  for (const mv of movements) {
    if (mv.amount === 0n) continue;
    await m.query(
      `INSERT INTO receivable_movement (source_event_id, legal_entity_code, currency, customer_id, invoice_id, business_date, amount)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [mv.sourceEventId, mv.legalEntityCode, mv.currency, mv.customerId, mv.invoiceId, mv.businessDate, mv.amount.toString()],
    );
  }
}

/** What is still open on an invoice as billing's events tell it. */
export async function openOnInvoice(m: EntityManager, invoiceId: string): Promise<bigint> {
  const [row] = await m.query(`SELECT COALESCE(sum(amount), 0)::text AS open FROM receivable_movement WHERE invoice_id = $1`, [invoiceId]);
  return BigInt(row.open);
}

/** Claims an invoice for the ledger; false when it was already learned. */
export async function claimInvoice(
  m: EntityManager,
  inv: { id: string; number: string; customerId: string; contractId: string | null; legalEntityCode: string; currency: string; issueDate: string; total: bigint },
): Promise<boolean> {
  const rows = await m.query(
    `INSERT INTO invoice_copy (id, number, customer_id, contract_id, legal_entity_code, currency, issue_date, total)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
    [inv.id, inv.number, inv.customerId, inv.contractId, inv.legalEntityCode, inv.currency, inv.issueDate, inv.total.toString()],
  );
  return rows.length > 0;
}

/** Marks the invoice void; false when it is unknown or already void. */
export async function voidInvoice(m: EntityManager, invoiceId: string, voidedOn: string): Promise<boolean> {
  const rows = await m.query(`UPDATE invoice_copy SET voided_on = $2 WHERE id = $1 AND voided_on IS NULL RETURNING id`, [invoiceId, voidedOn]);
  return rows.length > 0;
}
