import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'supergraph', 'supergraph.graphql');

/**
 * The committed supergraph, prepared for @apollo/gateway. The supergraph links the
 * authenticated/requiresScopes/policy specs `for: SECURITY`, which tells a router that cannot
 * enforce them to refuse to start. @apollo/gateway cannot; here every subgraph enforces them
 * itself (packages/kit/src/server/directives.ts), so the gateway loads them as plain metadata.
 */
export function gatewaySupergraph(sdl = readFileSync(SUPERGRAPH_PATH, 'utf8')): string {
  return sdl.replace(
    /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[\d.]+"), for: SECURITY\)/g,
    '$1)',
  );
}
