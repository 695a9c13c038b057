import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphDefinition } from '@rg/kit';
import { resolvers } from './resolvers';
import { createLoaders, type Loaders } from './store/loaders';
import { ENTITIES } from './store/entities';
import { migrations } from './migrations';
import { handlers } from './events';

export const renewalSubgraph: SubgraphDefinition<Loaders> = {
  service: 'renewal',
  typeDefs: readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'),
  resolvers,
  entities: ENTITIES,
  migrations,
  createLoaders,
  handlers,
};
