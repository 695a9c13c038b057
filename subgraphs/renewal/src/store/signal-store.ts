import type { EntityManager } from 'typeorm';
import type {
  ContractionFact,
  CreditHoldFact,
  InvoiceFact,
  PaymentFailureFact,
  RiskSignals,
  UsageFact,
} from '../domain/risk-signals';
import type { Contraction } from '../domain/contraction';

/**
 * The renewal subgraph's own copy of the risk signals other domains publish. Every write is
 * keyed by the business key of the fact, so a redelivered or republished event changes nothing.
 */

export async function recordPaymentFailure(m: EntityManager, f: PaymentFailureFact & { customerId: string; invoiceId: string | null }) {
  await m.query(
    `INSERT INTO payment_failure (payment_id, customer_id, invoice_id, failed_on, amount_minor, currency, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (payment_id) DO NOTHING`,
    [f.paymentId, f.customerId, f.invoiceId, f.failedOn, f.amountMinor.toString(), f.currency, f.reason],
  );
}

export async function recordInvoice(
  m: EntityManager,
  i: Omit<InvoiceFact, 'payments' | 'voidedOn'> & { customerId: string; contractId: string | null },
) {
  await m.query(
    `INSERT INTO customer_invoice (invoice_id, number, customer_id, contract_id, currency, issue_date, due_date, amount_due_minor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (invoice_id) DO NOTHING`,
    [i.invoiceId, i.number, i.customerId, i.contractId, i.currency, i.issueDate, i.dueDate, i.amountDueMinor.toString()],
  );
}

export async function recordInvoiceVoided(m: EntityManager, invoiceId: string, voidedOn: string) {
  await m.query(`UPDATE customer_invoice SET voided_on = $2 WHERE invoice_id = $1 AND voided_on IS NULL`, [invoiceId, voidedOn]);
}

export async function recordInvoicePayment(
  m: EntityManager,
  p: { paymentId: string; invoiceId: string; customerId: string; appliedOn: string; amountMinor: bigint },
) {
  await m.query(
    `INSERT INTO invoice_payment (payment_id, invoice_id, customer_id, applied_on, amount_minor)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (payment_id, invoice_id) DO NOTHING`,
    [p.paymentId, p.invoiceId, p.customerId, p.appliedOn, p.amountMinor.toString()],
  );
}

export async function recordContractions(
  m: EntityManager,
  a: { amendmentId: string; contractId: string; effectiveDate: string },
  contractions: readonly Contraction[],
) {
  for (const c of contractions) {
    await m.query(
      `INSERT INTO contract_contraction (amendment_id, product_code, contract_id, effective_date, product_name, quantity_before, quantity_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (amendment_id, product_code) DO NOTHING`,
      [a.amendmentId, c.productCode, a.contractId, a.effectiveDate, c.productName, c.quantityBefore, c.quantityAfter],
    );
  }
}

/** The latest summary of a month wins: billing republishes a month when it corrects it. */
export async function recordUsage(m: EntityManager, contractId: string, u: UsageFact) {
  await m.query(
    `INSERT INTO contract_usage (contract_id, product_code, month, quantity) VALUES ($1, $2, $3, $4)
     ON CONFLICT (contract_id, product_code, month) DO UPDATE SET quantity = EXCLUDED.quantity`,
    [contractId, u.productCode, u.month, u.quantity],
  );
}

export async function recordCreditHold(
  m: EntityManager,
  c: { eventId: string; customerId: string; changedOn: string; hold: boolean; reason: string },
) {
  await m.query(
    `INSERT INTO credit_hold_change (event_id, customer_id, changed_on, hold, reason) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (event_id) DO NOTHING`,
    [c.eventId, c.customerId, c.changedOn, c.hold, c.reason],
  );
}

export interface SignalSubject {
  customerId: string;
  contractId: string;
  lines: ReadonlyArray<{ productCode: string; productName: string }>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);

/** The signals of many renewals in one statement per kind of fact, keyed by contract id. */
export async function loadSignals(m: EntityManager, subjects: readonly SignalSubject[]): Promise<Map<string, RiskSignals>> {
  const customers = [...new Set(subjects.map((s) => s.customerId))];
  const contracts = [...new Set(subjects.map((s) => s.contractId))];
  // One after another: inside a consumer's transaction they share one connection.
  const statements: Array<[string, unknown[]]> = [
    [
      `SELECT payment_id, customer_id, failed_on::text, amount_minor, currency, reason FROM payment_failure
        WHERE customer_id = ANY($1)`,
      [customers],
    ],
    [
      `SELECT invoice_id, number, customer_id, currency, issue_date::text, due_date::text, amount_due_minor, voided_on::text
         FROM customer_invoice WHERE customer_id = ANY($1)`,
      [customers],
    ],
    [`SELECT invoice_id, applied_on::text, amount_minor FROM invoice_payment WHERE customer_id = ANY($1)`, [customers]],
    [
      `SELECT amendment_id, contract_id, effective_date::text, product_code, product_name, quantity_before, quantity_after
         FROM contract_contraction WHERE contract_id = ANY($1)`,
      [contracts],
    ],
    [`SELECT contract_id, product_code, month, quantity::text FROM contract_usage WHERE contract_id = ANY($1)`, [contracts]],
    [
      `SELECT customer_id, changed_on::text, seq, hold, reason FROM credit_hold_change WHERE customer_id = ANY($1)`,
      [customers],
    ],
  ];
  const results: any[][] = [];
  for (const [sql, params] of statements) results.push(await m.query(sql, params));
  const [failures, invoices, payments, contractionRows, usageRows, holds] = results;

  const failuresBy = new Map<string, PaymentFailureFact[]>();
  for (const r of failures) {
    push(failuresBy, r.customer_id, { paymentId: r.payment_id, failedOn: r.failed_on, reason: r.reason, amountMinor: BigInt(r.amount_minor), currency: r.currency });
  }
  const paymentsBy = new Map<string, Array<{ appliedOn: string; amountMinor: bigint }>>();
  for (const p of payments) push(paymentsBy, p.invoice_id, { appliedOn: p.applied_on, amountMinor: BigInt(p.amount_minor) });
  const invoicesBy = new Map<string, InvoiceFact[]>();
  for (const r of invoices) {
    push(invoicesBy, r.customer_id, {
      invoiceId: r.invoice_id,
      number: r.number,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      amountDueMinor: BigInt(r.amount_due_minor),
      currency: r.currency,
      voidedOn: r.voided_on,
      payments: paymentsBy.get(r.invoice_id) ?? [],
    });
  }
  const contractionsBy = new Map<string, ContractionFact[]>();
  for (const r of contractionRows) {
    push(contractionsBy, r.contract_id, {
      amendmentId: r.amendment_id,
      effectiveDate: r.effective_date,
      productCode: r.product_code,
      productName: r.product_name,
      quantityBefore: r.quantity_before,
      quantityAfter: r.quantity_after,
    });
  }
  const usageBy = new Map<string, UsageFact[]>();
  for (const r of usageRows) push(usageBy, r.contract_id, { productCode: r.product_code, month: r.month, quantity: r.quantity });
  const holdsBy = new Map<string, CreditHoldFact[]>();
  for (const r of holds) push(holdsBy, r.customer_id, { changedOn: r.changed_on, sequence: Number(r.seq), hold: r.hold, reason: r.reason });

  return new Map(
    subjects.map((s) => [
      s.contractId,
      {
        paymentFailures: failuresBy.get(s.customerId) ?? [],
        invoices: invoicesBy.get(s.customerId) ?? [],
        contractions: contractionsBy.get(s.contractId) ?? [],
        usage: usageBy.get(s.contractId) ?? [],
        creditHolds: holdsBy.get(s.customerId) ?? [],
        productNames: Object.fromEntries(s.lines.map((l) => [l.productCode, l.productName])),
      },
    ]),
  );
}
