import { In, type DataSource } from 'typeorm';
import { byKeyLoader, groupLoader, type Actor } from '@rg/kit';
import type { JournalLineMapper, PerformanceObligationMapper } from '../mappers';
import { ContractCopyRow, JournalEntryRow } from './entities';

export function createLoaders(ds: DataSource, _actor: Actor | null) {
  return {
    entryById: byKeyLoader<string, JournalEntryRow>(
      (ids) => ds.getRepository(JournalEntryRow).findBy({ id: In([...ids]) }),
      (e) => e.id,
    ),
    /** Entries with a line on the invoice: its posting, its void, the payments settling it. */
    entriesByInvoice: groupLoader<string, JournalEntryRow & { forInvoice: string }>(
      async (invoiceIds) => {
        const rows = await ds
          .getRepository(JournalEntryRow)
          .createQueryBuilder('e')
          .innerJoin('journal_line', 'l', 'l.entry_id = e.id')
          .addSelect('l.invoice_id', 'for_invoice')
          .where('l.invoice_id = ANY(:ids)', { ids: [...invoiceIds] })
          .distinctOn(['l.invoice_id', 'e.seq'])
          .orderBy('l.invoice_id')
          .addOrderBy('e.seq')
          .getRawAndEntities();
        return rows.entities.map((e, i) => Object.assign(e, { forInvoice: rows.raw[i].for_invoice as string }));
      },
      (e) => e.forInvoice,
    ),
    linesByEntry: groupLoader<string, JournalLineMapper>(
      async (entryIds) => {
        const rows = await ds.query(
          `SELECT l.entry_id, l.account_code, a.name, a.type, l.currency, l.debit::text, l.credit::text, l.memo
             FROM journal_line l JOIN account a ON a.legal_entity_code = l.legal_entity_code AND a.code = l.account_code
            WHERE l.entry_id = ANY($1) ORDER BY l.entry_id, l.line_no`,
          [[...entryIds]],
        );
        return rows.map((r: Record<string, string>) => ({
          entryId: r.entry_id,
          accountCode: r.account_code,
          accountName: r.name,
          accountType: r.type as JournalLineMapper['accountType'],
          currency: r.currency,
          debit: r.debit,
          credit: r.credit,
          memo: r.memo,
        }));
      },
      (l) => l.entryId,
    ),
    contractById: byKeyLoader<string, ContractCopyRow>(
      (ids) => ds.getRepository(ContractCopyRow).findBy({ id: In([...ids]) }),
      (c) => c.id,
    ),
    /** Obligations with the revenue booked for each so far. */
    obligationsByContract: groupLoader<string, PerformanceObligationMapper>(
      async (contractIds) => {
        const rows = await ds.query(
          `SELECT o.id, o.seq::text, o.contract_id, o.legal_entity_code, o.key, o.product_code, o.description,
                  o.revenue_kind, o.pattern, o.currency, o.allocated::text, o.service_start::text,
                  o.service_end::text, o.delivered_on::text, o.segments,
                  COALESCE((SELECT sum(l.credit - l.debit) FROM journal_line l
                     JOIN account a ON a.legal_entity_code = l.legal_entity_code AND a.code = l.account_code
                    WHERE l.obligation_id = o.id AND a.type = 'REVENUE'), 0)::text AS posted
             FROM obligation o WHERE o.contract_id = ANY($1) ORDER BY o.seq`,
          [[...contractIds]],
        );
        return rows.map((r: Record<string, any>) => ({
          id: r.id,
          seq: r.seq,
          contractId: r.contract_id,
          legalEntityCode: r.legal_entity_code,
          key: r.key,
          productCode: r.product_code,
          description: r.description,
          revenueKind: r.revenue_kind,
          pattern: r.pattern,
          currency: r.currency,
          allocated: r.allocated,
          serviceStart: r.service_start,
          serviceEnd: r.service_end,
          deliveredOn: r.delivered_on,
          segments: r.segments,
          posted: r.posted,
        }));
      },
      (o) => o.contractId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
