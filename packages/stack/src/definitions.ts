import type { ServiceName, SubgraphDefinition } from '@rg/kit';

/** Each subgraph's definition, loaded by the name its package exports. */
const EXPORTS: Record<ServiceName, [string, string]> = {
  customer: ['@rg/customer', 'customerSubgraph'],
  contract: ['@rg/contract', 'contractSubgraph'],
  billing: ['@rg/billing', 'billingSubgraph'],
  ledger: ['@rg/ledger', 'ledgerSubgraph'],
  renewal: ['@rg/renewal', 'renewalSubgraph'],
};

export function loadDefinition(service: ServiceName): SubgraphDefinition<unknown> {
  const [pkg, name] = EXPORTS[service];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const def = require(pkg)[name] as SubgraphDefinition<unknown> | undefined;
  if (!def) throw new Error(`${pkg} does not export ${name}`);
  return def;
}
