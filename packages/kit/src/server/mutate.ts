import { runMutation, type MutationSpec, type Tx } from '../mutation';
import { unauthenticated, type UserError } from '../errors';
import type { SubgraphContext } from './subgraph';

/**
 * The resolver side of a mutation: runs the work in a unit of work and turns the outcome into the
 * payload shape every mutation returns (`userErrors` empty on success, the rest null on failure).
 */
export async function mutate<R, P extends object>(
  ctx: SubgraphContext<unknown>,
  spec: MutationSpec,
  work: (tx: Tx) => Promise<R>,
  toPayload: (value: R, replayed: boolean) => P | Promise<P>,
): Promise<Partial<P> & { userErrors: UserError[] }> {
  if (!ctx.actor) throw unauthenticated();
  const outcome = await runMutation(
    { service: ctx.service, dataSource: ctx.dataSource, actor: ctx.actor, correlationId: ctx.correlationId, log: ctx.log },
    spec,
    work,
  );
  if (!outcome.ok) return { userErrors: outcome.errors } as Partial<P> & { userErrors: UserError[] };
  return { ...(await toPayload(outcome.value, outcome.replayed)), userErrors: [] };
}
