import type { UserError } from '@rg/kit';
import type { Context } from '../context';
import type { JournalEntryRow } from '../store/entities';

type Payload = {
  period: { period: string; status: 'OPEN' | 'CLOSED' } | null;
  journalEntries: JournalEntryRow[];
  userErrors: UserError[];
};

export async function periodPayload(ctx: Context, period: string, status: 'OPEN' | 'CLOSED', entryIds: string[]) {
  const entries = await ctx.loaders.entryById.loadMany(entryIds);
  return {
    period: { period, status },
    journalEntries: entries.filter((e): e is JournalEntryRow => !!e && !(e instanceof Error)),
  };
}

/** A rejected period mutation still returns a complete payload: no period and no entries. */
export const completePayload = async (result: Promise<Partial<Payload> & { userErrors: UserError[] }>): Promise<Payload> => ({
  period: null,
  journalEntries: [],
  ...(await result),
});
