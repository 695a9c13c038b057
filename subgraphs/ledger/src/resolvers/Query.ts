import { toMoneyOutput } from '@rg/kit';
import type { QueryResolvers } from '../generated/resolvers';
import { AccountRow, JournalEntryRow } from '../store/entities';
import { listPeriods } from '../store/period-store';
import { trialBalance } from '../store/report-store';
import { checkDate, checkPeriod } from './inputs';
import { arReconciliation, deferredRevenueRollForward } from './reports';
import { auditTrail, deadLetters } from './operations';

export const Query: QueryResolvers = {
  trialBalance: async (_, { legalEntityCode, asOf }, ctx) => {
    const rows = await trialBalance(ctx.dataSource.manager, legalEntityCode, checkDate(asOf, 'asOf'));
    return rows.map((r) => {
      const net = r.debits - r.credits;
      return {
        account: { code: r.code, name: r.name, type: r.type as AccountRow['type'] },
        debit: toMoneyOutput(net > 0n ? net : 0n, r.currency),
        credit: toMoneyOutput(net < 0n ? -net : 0n, r.currency),
        balance: toMoneyOutput(net, r.currency),
        totalDebits: toMoneyOutput(r.debits, r.currency),
        totalCredits: toMoneyOutput(r.credits, r.currency),
      };
    });
  },

  accountingPeriods: (_, { legalEntityCode }, ctx) => listPeriods(ctx.dataSource.manager, legalEntityCode),

  accounts: (_, { legalEntityCode }, ctx) =>
    ctx.dataSource.getRepository(AccountRow).find({ where: { legalEntityCode }, order: { code: 'ASC' } }),

  journalEntry: (_, { id }, ctx) => ctx.loaders.entryById.load(id),

  journalEntries: (_, { legalEntityCode, period }, ctx) =>
    ctx.dataSource
      .getRepository(JournalEntryRow)
      .createQueryBuilder('e')
      .where('e.legal_entity_code = :le', { le: legalEntityCode })
      .andWhere(`to_char(e.entry_date, 'YYYY-MM') = :p`, { p: checkPeriod(period) })
      .orderBy('e.seq')
      .getMany(),

  arReconciliation,
  deferredRevenueRollForward,
  auditTrail,
  deadLetters,
};
