import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { MUTATION_ROLES, ROLES } from '@rg/kit';
import { startTestStack, type TestStack } from '@rg/testkit';
import { gatewaySupergraph, SUPERGRAPH_PATH } from '@rg/gateway';
import { sampleValue } from './schema-values';

const schema: GraphQLSchema = buildASTSchema(parse(gatewaySupergraph(readFileSync(SUPERGRAPH_PATH, 'utf8'))), {
  assumeValidSDL: true,
});
const mutations = Object.values(schema.getMutationType()!.getFields());

describe('authorization matrix', () => {
  test('every mutation of the graph has a reviewed row, and every row a mutation', () => {
    expect(mutations.map((m) => m.name).sort()).toEqual(Object.keys(MUTATION_ROLES).sort());
  });

  describe('every mutation × every role through the gateway', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack();
    }, 120_000);
    afterAll(() => stack?.stop());

    const cases = mutations.flatMap((m) => ROLES.map((role) => [m.name, role] as const));
    test.each(cases)('%s as %s', async (name, role) => {
      const field = schema.getMutationType()!.getFields()[name];
      const variables = Object.fromEntries(field.args.map((a) => [a.name, sampleValue(a.type)]));
      const params = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = getNamedTypeName(field) === 'Boolean' ? '' : '{ __typename }';
      const query = `mutation${params ? `(${params})` : ''} { ${name}${args ? `(${args})` : ''} ${selection} }`;
      const res = await stack.as(role, { partnerId: role === 'partner' ? 'partner-matrix' : undefined }).gql(query, variables);
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      if (MUTATION_ROLES[name].includes(role)) expect(codes).not.toContain('FORBIDDEN');
      else expect(codes).toContain('FORBIDDEN');
    });
  });
});

function getNamedTypeName(field: { type: unknown }): string {
  let t = field.type as { ofType?: unknown; name?: string };
  while (t.ofType) t = t.ofType as typeof t;
  return t.name ?? '';
}
