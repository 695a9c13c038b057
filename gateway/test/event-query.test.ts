import { ApolloGateway } from '@apollo/gateway';
import { getOperationAST, Kind, parse, validate, type FieldNode, type GraphQLSchema } from 'graphql';
import { gatewaySupergraph } from '../src/supergraph';
import { planEventQuery } from '../src/subscriptions/event-query';
import { shapeEvent } from '../src/subscriptions/payload';
import { withSubscriptions } from '../src/subscriptions/schema';
import { AMENDMENT_STREAM, PAYMENT_STREAM } from '../src/subscriptions/streams';

/** The federated query built from a client's subscription selection, and the event shaped back. */
describe('event queries', () => {
  let api: GraphQLSchema;
  let served: GraphQLSchema;
  beforeAll(async () => {
    const gateway = new ApolloGateway({ supergraphSdl: gatewaySupergraph() });
    gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
      api = apiSchema;
      served = withSubscriptions(apiSchema);
    });
    await gateway.load();
    await gateway.stop();
  });

  const plan = (source: string, variableValues: Record<string, unknown> = {}) => {
    const document = parse(source);
    expect(validate(served, document)).toEqual([]);
    const operation = getOperationAST(document)!;
    const rootField = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)!;
    const kind = rootField.name.value === 'amendmentEvents' ? AMENDMENT_STREAM : PAYMENT_STREAM;
    return { document, query: planEventQuery({ apiSchema: api, document, operation, rootField, kind, variableValues }) };
  };

  const CLIENT = `subscription Feed($contract: ID, $withLines: Boolean!, $after: String) {
    amendmentEvents(contractId: $contract, after: $after) {
      cursor
      kind: type
      c: contract { number renewal { riskLevel } ...Lines @include(if: $withLines) }
      ... on AmendmentEvent { amendment { kind } }
      ...Envelope
    }
  }
  fragment Lines on Contract { lines { quantity product { code } } }
  fragment Envelope on AmendmentEvent { occurredAt contract { status customer { name } } }`;

  test('entity fields become root fields taking the event ids; aliases, fragments and directives are kept', () => {
    const { query } = plan(CLIENT, { contract: 'ctr_1', withLines: true, after: null });
    const text = query.query!;
    expect(validate(api, parse(text))).toEqual([]);
    expect(text).toContain('c: contract(id: $__rg_contract_id, version: $__rg_contract_version) @include(if: $__rg_contract_present)');
    expect(text).toContain('...Lines @include(if: $withLines)');
    expect(text).toContain('amendment: node(id: $__rg_amendment_id) @include(if: $__rg_amendment_present)');
    expect(text).toContain('fragment Lines on Contract');
    // Filter and cursor arguments are the stream's business, not the payload's.
    expect(text).not.toMatch(/\$contract\b|\$after\b|Envelope|cursor|occurredAt/);
    expect(query.variablesFor({ ids: { contract: 'ctr_1', amendment: null }, extra: { version: 3 } })).toEqual({
      withLines: true,
      __rg_contract_id: 'ctr_1',
      __rg_contract_present: true,
      __rg_contract_version: 3,
      __rg_amendment_id: '',
      __rg_amendment_present: false,
    });
  });

  test('subscriptions that differ only in filters and cursor share one query; other selections do not', () => {
    const a = plan(CLIENT, { contract: 'ctr_1', withLines: true, after: null }).query;
    const b = plan(CLIENT, { contract: 'ctr_2', withLines: true, after: 'x' }).query;
    const c = plan(CLIENT, { contract: 'ctr_1', withLines: false, after: null }).query;
    expect(b.key).toBe(a.key);
    expect(c.key).not.toBe(a.key);
  });

  test('an envelope-only selection needs no query', () => {
    expect(plan(`subscription { paymentEvents { cursor type correlationId } }`).query.query).toBeNull();
  });

  test("the event comes back in the client's shape, and a field's error where the gateway reported it", () => {
    const { document } = plan(CLIENT, { withLines: true });
    const result = shapeEvent(
      served,
      { document, variableValues: { withLines: true } },
      {
        cursor: 'cur',
        type: 'QUANTITY_CHANGE',
        occurredAt: '2026-03-16T10:00:00.000Z',
        correlationId: 'corr',
        data: {
          c: { __typename: 'Contract', number: 'C-2026-000001', renewal: null, lines: [{ __typename: 'ContractLine', quantity: 15, product: { __typename: 'Product', code: 'SEAT' } }] },
          contract: { __typename: 'Contract', status: 'ACTIVE', customer: { __typename: 'Customer', name: 'Acme Analytics' } },
          amendment: { __typename: 'Amendment', kind: 'QUANTITY_CHANGE' },
        },
        errors: [{ message: 'Renewal unavailable', path: ['c', 'renewal'], extensions: { code: 'FORBIDDEN' } }],
      },
    );
    expect(result.data).toEqual({
      amendmentEvents: {
        cursor: 'cur',
        kind: 'QUANTITY_CHANGE',
        c: { number: 'C-2026-000001', renewal: null, lines: [{ quantity: 15, product: { code: 'SEAT' } }] },
        amendment: { kind: 'QUANTITY_CHANGE' },
        occurredAt: '2026-03-16T10:00:00.000Z',
        contract: { status: 'ACTIVE', customer: { name: 'Acme Analytics' } },
      },
    });
    expect(result.errors?.map((e) => [e.message, e.path, e.extensions.code])).toEqual([
      ['Renewal unavailable', ['amendmentEvents', 'c', 'renewal'], 'FORBIDDEN'],
    ]);
  });
});
