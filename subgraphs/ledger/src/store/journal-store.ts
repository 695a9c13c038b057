import type { EntityManager } from 'typeorm';
import { newId, type BusinessDate } from '@rg/kit';
import type { PostingLine } from '../domain/journal';
import type { PostingRule } from '../domain/posting-rules';
import { postingDate } from '../domain/periods';
import { closedPeriods, lockLegalEntityBooks } from './period-store';

export interface NewEntry {
  legalEntityCode: string;
  /** The business date of what happened; the entry moves to the next open period if its own is closed. */
  date: BusinessDate;
  description: string;
  purpose: string;
  sourceEventId: string | null;
  invoiceId?: string | null;
  contractId?: string | null;
  reversalOf?: string | null;
  recognitionRunId?: string | null;
  lines: readonly PostingLine[];
}

export async function loadRules(m: EntityManager): Promise<PostingRule[]> {
  const rows = await m.query(`SELECT event_type, component, account_code, side FROM posting_rule`);
  return rows.map((r: Record<string, string>) => ({
    eventType: r.event_type,
    component: r.component,
    account: r.account_code,
    side: r.side as PostingRule['side'],
  }));
}

/**
 * Posts an entry, once per source event and purpose: a replayed event posts nothing and returns
 * null. The database checks at commit that the entry balances per currency.
 */
export async function postEntry(m: EntityManager, e: NewEntry): Promise<string | null> {
  await lockLegalEntityBooks(m, e.legalEntityCode);
  const { entryDate, note } = postingDate(e.date, await closedPeriods(m, e.legalEntityCode));
  const id = newId('JournalEntry');
  const inserted = await m.query(
    `INSERT INTO journal_entry
       (id, legal_entity_code, entry_date, description, purpose, source_event_id, invoice_id, contract_id, reversal_of, note, recognition_run_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (source_event_id, purpose) DO NOTHING RETURNING id`,
    [
      id,
      e.legalEntityCode,
      entryDate,
      e.description,
      e.purpose,
      e.sourceEventId,
      e.invoiceId ?? null,
      e.contractId ?? null,
      e.reversalOf ?? null,
      note,
      e.recognitionRunId ?? null,
    ],
  );
  if (inserted.length === 0) return null;
  const values: unknown[] = [];
  const tuples = e.lines.map((l, i) => {
    const b = values.length;
    values.push(id, i + 1, e.legalEntityCode, l.account, l.currency, l.amount > 0n ? l.amount.toString() : '0', l.amount < 0n ? (-l.amount).toString() : '0', l.invoiceId, l.obligationId, l.memo);
    return `(${Array.from({ length: 10 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
  });
  if (tuples.length > 0) {
    await m.query(
      `INSERT INTO journal_line
         (entry_id, line_no, legal_entity_code, account_code, currency, debit, credit, invoice_id, obligation_id, memo)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
  return id;
}

/** The lines of an entry in domain terms (for reversals). */
export async function entryLines(m: EntityManager, entryId: string): Promise<PostingLine[]> {
  const rows = await m.query(
    `SELECT account_code, currency, debit, credit, invoice_id, obligation_id, memo
       FROM journal_line WHERE entry_id = $1 ORDER BY line_no`,
    [entryId],
  );
  return rows.map((r: Record<string, string | null>) => ({
    account: r.account_code!,
    currency: r.currency!,
    amount: BigInt(r.debit!) - BigInt(r.credit!),
    invoiceId: r.invoice_id,
    obligationId: r.obligation_id,
    memo: r.memo,
  }));
}

export async function findEntry(m: EntityManager, where: { invoiceId: string; purpose: string }): Promise<{ id: string; legalEntityCode: string } | null> {
  const [row] = await m.query(
    `SELECT id, legal_entity_code FROM journal_entry WHERE invoice_id = $1 AND purpose = $2 ORDER BY seq LIMIT 1`,
    [where.invoiceId, where.purpose],
  );
  return row ? { id: row.id, legalEntityCode: row.legal_entity_code } : null;
}
