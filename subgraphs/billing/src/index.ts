import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphDefinition } from '@rg/kit';
import { resolvers } from './resolvers';
import { createLoaders, type Loaders } from './store/loaders';
import { entities } from './store/entities';
import { migrations } from './migrations';
import { handlers } from './events/handlers';

export const billingSubgraph: SubgraphDefinition<Loaders> = {
  service: 'billing',
  typeDefs: readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'),
  resolvers,
  entities,
  migrations,
  createLoaders,
  handlers,
};
