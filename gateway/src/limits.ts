import { ApolloArmor } from '@escape.tech/graphql-armor';
import { loadConfig, z } from '@rg/kit';

/** Operation limits; each can be changed through the environment variable of the same name. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(12),
      GRAPHQL_MAX_ALIASES: z.coerce.number().int().nonnegative().default(15),
      GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().default(2000),
      GRAPHQL_MAX_COST: z.coerce.number().int().positive().default(5000),
      GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().positive().default(50),
      GRAPHQL_MAX_BODY: z.string().default('100kb'),
    },
    env,
  );
}
export type Limits = ReturnType<typeof limitsFromEnv>;

export function armor(limits: Limits) {
  return new ApolloArmor({
    maxDepth: { n: limits.GRAPHQL_MAX_DEPTH, flattenFragments: true },
    maxAliases: { n: limits.GRAPHQL_MAX_ALIASES },
    maxTokens: { n: limits.GRAPHQL_MAX_TOKENS },
    maxDirectives: { n: limits.GRAPHQL_MAX_DIRECTIVES },
    costLimit: { maxCost: limits.GRAPHQL_MAX_COST, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
