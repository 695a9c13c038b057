import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphDefinition } from '@rg/kit';
import { resolvers } from './resolvers';
import { createLoaders, type Loaders } from './store/loaders';
import { AccountRow, AccountingPeriodRow, ContractCopyRow, InvoiceCopyRow, JournalEntryRow, LegalEntityRow, ObligationRow } from './store/entities';
import { migrations } from './migrations';
import { handlers } from './events';

export const ledgerSubgraph: SubgraphDefinition<Loaders> = {
  service: 'ledger',
  typeDefs: readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'),
  resolvers,
  entities: [LegalEntityRow, AccountRow, AccountingPeriodRow, JournalEntryRow, ObligationRow, ContractCopyRow, InvoiceCopyRow],
  migrations,
  createLoaders,
  handlers,
};
