import { In, type DataSource } from 'typeorm';
import { byKeyLoader, groupLoader, isPartnerScoped, type Actor } from '@rg/kit';
import { CustomerAccountRow } from './account-entities';
import { InvoiceLineRow, InvoiceRow } from './invoice-entities';
import { PaymentRow } from './payment-entities';

const ORDER_INVOICES = { issueDate: 'ASC', seq: 'ASC' } as const;

/** One statement per entity type per request; partner callers see only their own customers' rows. */
export function createLoaders(ds: DataSource, actor: Actor | null) {
  const visible = (row: { partnerId: string | null }) => !isPartnerScoped(actor ?? undefined) || row.partnerId === actor?.partnerId;
  const invoices = ds.getRepository(InvoiceRow);
  const payments = ds.getRepository(PaymentRow);
  return {
    invoiceById: byKeyLoader<string, InvoiceRow>(async (ids) => (await invoices.findBy({ id: In([...ids]) })).filter(visible), (i) => i.id),
    invoicesByCustomer: groupLoader<string, InvoiceRow>(
      async (ids) => (await invoices.find({ where: { customerId: In([...ids]) }, order: ORDER_INVOICES })).filter(visible),
      (i) => i.customerId,
    ),
    invoicesByContract: groupLoader<string, InvoiceRow>(
      async (ids) => (await invoices.find({ where: { contractId: In([...ids]) }, order: ORDER_INVOICES })).filter(visible),
      (i) => i.contractId!,
    ),
    linesByInvoice: groupLoader<string, InvoiceLineRow>(
      (ids) => ds.getRepository(InvoiceLineRow).find({ where: { invoiceId: In([...ids]) }, order: { lineNo: 'ASC' } }),
      (l) => l.invoiceId,
    ),
    paymentById: byKeyLoader<string, PaymentRow>(async (ids) => (await payments.findBy({ id: In([...ids]) })).filter(visible), (p) => p.id),
    paymentsByCustomer: groupLoader<string, PaymentRow>(
      async (ids) => (await payments.find({ where: { customerId: In([...ids]) }, order: { receivedAt: 'ASC', seq: 'ASC' } })).filter(visible),
      (p) => p.customerId,
    ),
    paymentsByInvoice: paymentsByInvoiceLoader(ds, visible),
    accountById: byKeyLoader<string, CustomerAccountRow>(
      async (ids) => (await ds.getRepository(CustomerAccountRow).findBy({ id: In([...ids]) })).filter(visible),
      (a) => a.id,
    ),
  };
}

/** The payments an invoice names or received money from, in the order they arrived: one statement. */
function paymentsByInvoiceLoader(ds: DataSource, visible: (row: { partnerId: string | null }) => boolean) {
  const loader = groupLoader<string, { invoiceId: string; payment: PaymentRow }>(
    async (invoiceIds) => {
      const rows: Array<Record<string, unknown>> = await ds.query(
        `SELECT k.invoice_id AS "key", p.id, p.seq::text AS seq, p.customer_id AS "customerId", p.invoice_id AS "invoiceId",
                p.partner_id AS "partnerId", p.currency, p.amount_minor::text AS "amountMinor",
                p.unapplied_minor::text AS "unappliedMinor", p.status, p.received_at AS "receivedAt",
                p.external_id AS "externalId", p.failure_reason AS "failureReason"
           FROM (SELECT invoice_id, payment_id FROM payment_application WHERE invoice_id = ANY($1)
                 UNION SELECT invoice_id, id FROM payment WHERE invoice_id = ANY($1)) k
           JOIN payment p ON p.id = k.payment_id
          ORDER BY p.received_at, p.seq`,
        [[...invoiceIds]],
      );
      return rows
        .map(({ key, ...payment }) => ({ invoiceId: key as string, payment: Object.assign(new PaymentRow(), payment) }))
        .filter((r) => visible(r.payment));
    },
    (r) => r.invoiceId,
  );
  return { load: async (invoiceId: string) => (await loader.load(invoiceId)).map((r) => r.payment) };
}

export type Loaders = ReturnType<typeof createLoaders>;
