import { createVerifier, DEV_JWT_SECRET, signDevToken, startGateway } from '@rg/gateway';
import { postGraphql, startTestStack, type TestStack } from '@rg/testkit';

describe('gateway security', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract'] });
  });
  afterAll(() => stack?.stop());

  const QUERY = { query: '{ customers { totalCount } }' };

  test('no token: 401 with UNAUTHENTICATED', async () => {
    const res = await postGraphql(stack.gatewayUrl, QUERY);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a token signed with another key, an expired token or an unknown role: 401', async () => {
    const forged = await signDevToken({ sub: 'x', roles: ['admin'] }, { secret: 'not-the-secret-0123456789abcdef0123' });
    const expired = await signDevToken({ sub: 'x', roles: ['admin'] }, { expiresIn: '-1m' });
    const noRole = await signDevToken({ sub: 'x', roles: [] });
    for (const token of [forged, expired, noRole, 'garbage']) {
      const res = await postGraphql(stack.gatewayUrl, QUERY, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  test('a role without the scope gets FORBIDDEN and nothing changes', async () => {
    const res = await stack.as('auditor').gql(
      `mutation { createCustomer(input: { name: "X", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } } }`,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await stack.sql(`SELECT * FROM customer.customer WHERE name = 'X'`)).toEqual([]);
  });

  test('a direct call to a subgraph without the gateway signature is refused, _entities and _service included', async () => {
    const url = stack.subgraphs.customer!.url;
    for (const query of [
      '{ customers { totalCount } }',
      '{ _service { sdl } }',
      '{ _entities(representations: [{ __typename: "Customer", id: "cus_x" }]) { ... on Customer { name } } }',
    ]) {
      const res = await postGraphql(url, { query }, { 'x-rg-identity': 'e30', 'x-rg-signature': 'forged' });
      expect(res.status).toBe(401);
      expect(res.data).toBeUndefined();
    }
  });

  test('over-deep, over-aliased and over-costly operations are rejected; the gateway keeps serving', async () => {
    const admin = stack.as('admin');
    let deep = 'id';
    for (let i = 0; i < 14; i++) deep = `parent { ${deep} }`;
    const tooDeep = await admin.gql(`{ customers { nodes { ${deep} } } }`);
    expect(tooDeep.errors?.[0].message).toMatch(/depth/i);

    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: customers { totalCount }`).join(' ');
    const tooManyAliases = await admin.gql(`{ ${aliases} }`);
    expect(tooManyAliases.errors?.[0].message).toMatch(/alias/i);

    const wide = 'id name currency taxRegion creditHold partnerId createdAt legalEntity { code name currency }';
    // Page sizes multiply the cost of what is selected under them.
    const costly = Array.from({ length: 3 }, (_, i) => `c${i}: customers(first: 200) { nodes { ${wide} children { ${wide} children { ${wide} } } } }`).join(' ');
    const tooCostly = await admin.gql(`{ ${costly} }`);
    expect(tooCostly.errors?.[0].message).toMatch(/cost/i);

    const fine = await admin.gql(`{ customers { totalCount } }`);
    expect(fine.errors).toBeUndefined();
  });

  test('field suggestions are not leaked', async () => {
    const res = await stack.as('admin').gql(`{ customerz { totalCount } }`);
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  test('an oversized body is refused with a clear error', async () => {
    const token = await stack.as('admin').token();
    const res = await postGraphql(
      stack.gatewayUrl,
      { query: `{ customers { totalCount } }`, variables: { padding: 'x'.repeat(200_000) } },
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(413);
    expect(res.errors?.[0].message).toBe('Request body too large');
  });

  test('every request gets a correlation id, kept from the client when sent', async () => {
    const res = await stack.as('admin').gql(`{ customers { totalCount } }`, {}, { 'x-correlation-id': 'client-corr-1' });
    expect(res.headers.get('x-correlation-id')).toBe('client-corr-1');
    const generated = await stack.as('admin').gql(`{ customers { totalCount } }`);
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('in production, introspection and the landing page are off', async () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, INTERNAL_SECRET: process.env.INTERNAL_SECRET, LOG_LEVEL: process.env.LOG_LEVEL };
    process.env.NODE_ENV = 'production';
    process.env.LOG_LEVEL = 'silent';
    process.env.INTERNAL_SECRET = 'dev-internal-secret-change-me';
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { customer: stack.subgraphs.customer!.url, contract: stack.subgraphs.contract!.url },
      verifier: createVerifier({ secret: DEV_JWT_SECRET, issuer: 'revenue-graph', audience: 'revenue-graph-api' }),
    });
    try {
      const token = await stack.as('admin').token();
      const introspection = await postGraphql(gateway.url, { query: '{ __schema { types { name } } }' }, { authorization: `Bearer ${token}` });
      expect(introspection.errors?.[0].message).toMatch(/introspection/i);
      const data = await postGraphql(gateway.url, { query: '{ customers { totalCount } }' }, { authorization: `Bearer ${token}` });
      expect(data.errors).toBeUndefined();
      const landing = await fetch(gateway.url, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toMatch(/<html/i);
    } finally {
      await gateway.stop();
      process.env.NODE_ENV = saved.NODE_ENV;
      if (saved.LOG_LEVEL === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = saved.LOG_LEVEL;
      if (saved.INTERNAL_SECRET === undefined) delete process.env.INTERNAL_SECRET;
      else process.env.INTERNAL_SECRET = saved.INTERNAL_SECRET;
    }
  });
});
