import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphDefinition } from '@rg/kit';
import { resolvers } from './resolvers';
import { createLoaders, type Loaders } from './store/loaders';
import { CustomerRow, LegalEntityRow, TaxRegionRow } from './store/entities';
import { migrations } from './migrations';
import { nodeOwnerHandlers } from './events/node-owners';

export const customerSubgraph: SubgraphDefinition<Loaders> = {
  service: 'customer',
  typeDefs: readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'),
  resolvers,
  entities: [CustomerRow, LegalEntityRow, TaxRegionRow],
  migrations,
  createLoaders,
  handlers: nodeOwnerHandlers,
};
