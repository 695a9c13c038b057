import type { EntityManager } from 'typeorm';

export interface NewPayment {
  id: string;
  customerId: string;
  invoiceId: string | null;
  partnerId: string | null;
  currency: string;
  amountMinor: bigint;
  unappliedMinor: bigint;
  status: 'SETTLED' | 'FAILED';
  receivedAt: string;
  externalId: string;
  failureReason: string | null;
  applications: Array<{ invoiceId: string; amountMinor: bigint }>;
}

export async function insertPayment(m: EntityManager, p: NewPayment): Promise<void> {
  await m.query(
    `INSERT INTO payment (id, customer_id, invoice_id, partner_id, currency, amount_minor, unapplied_minor, status,
                          received_at, external_id, failure_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [p.id, p.customerId, p.invoiceId, p.partnerId, p.currency, p.amountMinor.toString(), p.unappliedMinor.toString(),
      p.status, p.receivedAt, p.externalId, p.failureReason],
  );
  for (const a of p.applications) {
    await m.query(`INSERT INTO payment_application (payment_id, invoice_id, amount_minor) VALUES ($1, $2, $3)`, [
      p.id,
      a.invoiceId,
      a.amountMinor.toString(),
    ]);
  }
}
