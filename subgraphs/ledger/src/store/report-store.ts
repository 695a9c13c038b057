import type { EntityManager } from 'typeorm';
import { periodStart, periodEnd } from '@rg/kit';

export interface TrialBalanceLine {
  code: string;
  name: string;
  type: string;
  currency: string;
  debits: bigint;
  credits: bigint;
}

/** Debit and credit turnover per account and currency of everything booked up to `asOf`. */
export async function trialBalance(m: EntityManager, legalEntityCode: string, asOf: string): Promise<TrialBalanceLine[]> {
  const rows = await m.query(
    `SELECT a.code, a.name, a.type, l.currency, sum(l.debit)::text AS debits, sum(l.credit)::text AS credits
       FROM journal_line l
       JOIN journal_entry e ON e.id = l.entry_id
       JOIN account a ON a.legal_entity_code = l.legal_entity_code AND a.code = l.account_code
      WHERE e.legal_entity_code = $1 AND e.entry_date <= $2
      GROUP BY a.code, a.name, a.type, l.currency
      ORDER BY l.currency, a.code`,
    [legalEntityCode, asOf],
  );
  return rows.map((r: Record<string, string>) => ({ ...r, debits: BigInt(r.debits), credits: BigInt(r.credits) }) as TrialBalanceLine);
}

export interface ArItem {
  currency: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  subledger: bigint;
  gl: bigint;
}

/**
 * Open receivables per invoice as of a date, twice: as billing's events describe them and as
 * GL account 1100 carries them (lines tagged with the invoice; untagged is customer credit).
 */
export async function receivablesBothWays(m: EntityManager, legalEntityCode: string, asOf: string): Promise<ArItem[]> {
  const rows = await m.query(
    `WITH sub AS (
        SELECT currency, invoice_id, sum(amount) AS amount FROM receivable_movement
         WHERE legal_entity_code = $1 AND business_date <= $2 GROUP BY currency, invoice_id
     ), gl AS (
        SELECT l.currency, l.invoice_id, sum(l.debit - l.credit) AS amount
          FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
         WHERE e.legal_entity_code = $1 AND e.entry_date <= $2 AND l.account_code = '1100'
         GROUP BY l.currency, l.invoice_id
     )
     SELECT COALESCE(sub.currency, gl.currency) AS currency, COALESCE(sub.invoice_id, gl.invoice_id) AS invoice_id,
            i.number, COALESCE(sub.amount, 0)::text AS subledger, COALESCE(gl.amount, 0)::text AS gl
       FROM sub FULL JOIN gl ON gl.currency = sub.currency AND gl.invoice_id IS NOT DISTINCT FROM sub.invoice_id
       LEFT JOIN invoice_copy i ON i.id = COALESCE(sub.invoice_id, gl.invoice_id)
      ORDER BY 1, i.issue_date NULLS FIRST, i.number`,
    [legalEntityCode, asOf],
  );
  return rows.map((r: Record<string, string | null>) => ({
    currency: r.currency!,
    invoiceId: r.invoice_id,
    invoiceNumber: r.number,
    subledger: BigInt(r.subledger!),
    gl: BigInt(r.gl!),
  }));
}

export interface DeferredMovement {
  currency: string;
  opening: bigint;
  billed: bigint;
  recognised: bigint;
  other: bigint;
  closing: bigint;
}

/**
 * Deferred revenue (2400, credit positive) over a period: opening balance, what invoices and
 * their voids added, what recognition released, anything else, and the closing balance.
 */
export async function deferredRevenueMovements(m: EntityManager, legalEntityCode: string, period: string): Promise<DeferredMovement[]> {
  const rows = await m.query(
    `SELECT l.currency,
            sum(CASE WHEN e.entry_date < $2 THEN l.credit - l.debit ELSE 0 END)::text AS opening,
            sum(CASE WHEN e.entry_date >= $2 AND e.purpose IN ('InvoicePosted', 'InvoiceVoided') THEN l.credit - l.debit ELSE 0 END)::text AS billed,
            sum(CASE WHEN e.entry_date >= $2 AND e.purpose = 'RevenueRecognition' THEN l.debit - l.credit ELSE 0 END)::text AS recognised,
            sum(CASE WHEN e.entry_date >= $2 AND e.purpose NOT IN ('InvoicePosted', 'InvoiceVoided', 'RevenueRecognition') THEN l.credit - l.debit ELSE 0 END)::text AS other,
            sum(l.credit - l.debit)::text AS closing
       FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
      WHERE e.legal_entity_code = $1 AND l.account_code = '2400' AND e.entry_date <= $3
      GROUP BY l.currency ORDER BY l.currency`,
    [legalEntityCode, periodStart(period), periodEnd(period)],
  );
  return rows.map((r: Record<string, string>) => ({
    currency: r.currency,
    opening: BigInt(r.opening),
    billed: BigInt(r.billed),
    recognised: BigInt(r.recognised),
    other: BigInt(r.other),
    closing: BigInt(r.closing),
  }));
}
