import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_HEADER, hopKey, signHop } from '@rg/kit';
import type { GatewayContext } from './context';

/**
 * Every subgraph request carries the verified identity and the correlation id, signed with
 * that subgraph's own key; subgraphs refuse anything unsigned.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly key: string;

  constructor(
    private readonly service: string,
    url: string,
  ) {
    super({ url });
    this.key = hopKey(service);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const correlationId = context?.correlationId ?? 'gateway-internal';
    const headers = signHop(
      { actor: context?.actor ?? null, correlationId, iat: Date.now(), aud: this.service },
      this.key,
    );
    for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
    request.http?.headers.set(CORRELATION_HEADER, correlationId);
  }
}
