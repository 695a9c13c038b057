import type { JournalEntryRow, ObligationRow } from './store/entities';

export type JournalEntryMapper = JournalEntryRow;
export type ContractMapper = { id: string };
export type InvoiceMapper = { id: string };
export type RevenueScheduleMapper = { contractId: string; obligations: PerformanceObligationMapper[] };
export type PerformanceObligationMapper = ObligationRow & { posted: string };
export type JournalLineMapper = {
  accountCode: string;
  accountName: string;
  accountType: 'ASSET' | 'LIABILITY' | 'EQUITY' | 'REVENUE' | 'EXPENSE';
  currency: string;
  debit: string;
  credit: string;
  memo: string | null;
  entryId: string;
};
