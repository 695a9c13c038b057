import { toMoneyOutput } from '@rg/kit';
import type { JournalEntryResolvers, JournalLineResolvers } from '../generated/resolvers';

export const JournalEntry: JournalEntryResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.entryById.load(ref.id),
  legalEntity: (e) => ({ code: e.legalEntityCode }),
  lines: (e, _, ctx) => ctx.loaders.linesByEntry.load(e.id),
};

export const JournalLine: JournalLineResolvers = {
  account: (l) => ({ code: l.accountCode, name: l.accountName, type: l.accountType }),
  debit: (l) => toMoneyOutput(BigInt(l.debit), l.currency),
  credit: (l) => toMoneyOutput(BigInt(l.credit), l.currency),
};
