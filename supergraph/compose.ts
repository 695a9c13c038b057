/**
 * Composes the five subgraph schemas into supergraph/supergraph.graphql with @apollo/composition.
 * `npm run compose` writes the file; `composeSupergraph()` is also what the staleness test uses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const SUBGRAPHS = ['customer', 'contract', 'billing', 'ledger', 'renewal'] as const;
const DEFAULT_PORTS = { customer: 4001, contract: 4002, billing: 4003, ledger: 4004, renewal: 4005 };

const root = join(__dirname, '..');
export const SUPERGRAPH_FILE = join(__dirname, 'supergraph.graphql');

export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      // Routing URLs of a local stack; the gateway overrides them from its environment.
      url: `http://localhost:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(readFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'utf8')),
    })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`Composition failed:\n${(result.errors ?? []).map((e) => `  ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

if (require.main === module) {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_FILE}`);
}
