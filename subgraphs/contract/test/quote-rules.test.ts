import { startTestStack, type TestStack } from '@rg/testkit';
import {
  ACCEPT_QUOTE,
  acmeQuote,
  APPROVE_QUOTE,
  CREATE_QUOTE,
  footprint,
  newCustomer,
  REJECT_QUOTE,
  SUBMIT_QUOTE,
} from './support';

const SET_HOLD = `mutation($id: ID!, $hold: Boolean!) { setCreditHold(customerId: $id, hold: $hold, reason: "overdue") { userErrors { code } } }`;

/** Every quote validation and policy: a userError with a stable code and field, and nothing changed. */
describe('quote rules through the gateway', () => {
  let stack: TestStack;
  let acme: string;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract'] });
    acme = await newCustomer(stack);
  });
  afterAll(() => stack?.stop());

  /** Runs a mutation expected to fail and proves that no row or event was written. */
  async function rejected(run: () => Promise<any>, payloadField: string) {
    const before = await footprint(stack);
    const res = await run();
    expect(res.errors).toBeUndefined();
    const payload = res.data[payloadField];
    expect(await footprint(stack)).toEqual(before);
    return payload;
  }

  async function quoteAt(discountPercent: string, customerId = acme, rep = stack.as('sales_rep')) {
    const res = await rep.gql(CREATE_QUOTE, {
      input: { ...acmeQuote(customerId), lines: [{ productCode: 'SEAT', quantity: 5, discountPercent }] },
    });
    expect(res.data.createQuote.userErrors).toEqual([]);
    return res.data.createQuote.quote;
  }

  test('the catalog lists every product priced in a currency, with list price, SSP and included units', async () => {
    const res = await stack.as('sales_rep').gql(
      `{ usd: products { code chargeModel includedUnits listPrice { amount currency } standaloneSellingPrice { amount } prices { amount currency } }
         gbp: products(currency: "GBP") { code } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.usd.map((p: any) => [p.code, p.chargeModel, p.listPrice.amount, p.standaloneSellingPrice.amount, p.includedUnits])).toEqual([
      ['PLATFORM', 'FLAT', '2000.00', '2000.00', null],
      ['SEAT', 'PER_UNIT', '50.00', '50.00', null],
      ['API_CALLS', 'TIERED_USAGE', '0.002', '0.002', 1000000],
      ['ONBOARDING', 'ONE_TIME', '6000.00', '6000.00', null],
    ]);
    expect(res.data.usd[2].prices).toEqual([{ amount: '0.0018', currency: 'EUR' }, { amount: '0.002', currency: 'USD' }]);
    expect(res.data.gbp).toEqual([]);
  });

  const line = (l: object) => ({ lines: [{ productCode: 'SEAT', quantity: 5, ...l }] });
  test.each([
    [{ customerId: 'cus_unknown' }, 'CUSTOMER_NOT_FOUND', ['input', 'customerId']],
    [{ startDate: '2026-02-29' }, 'INVALID_START_DATE', ['input', 'startDate']],
    [{ termMonths: 0 }, 'INVALID_TERM', ['input', 'termMonths']],
    [{ termMonths: 61 }, 'INVALID_TERM', ['input', 'termMonths']],
    [{ lines: [] }, 'NO_LINES', ['input', 'lines']],
    [line({ productCode: 'GOLD_PLATING' }), 'UNKNOWN_PRODUCT', ['input', 'lines', '0', 'productCode']],
    [line({ quantity: 0 }), 'INVALID_QUANTITY', ['input', 'lines', '0', 'quantity']],
    [line({ productCode: 'API_CALLS', quantity: 2 }), 'INVALID_QUANTITY', ['input', 'lines', '0', 'quantity']],
    [line({ discountPercent: '12.345' }), 'INVALID_DISCOUNT', ['input', 'lines', '0', 'discountPercent']],
    [line({ discountPercent: '101' }), 'INVALID_DISCOUNT', ['input', 'lines', '0', 'discountPercent']],
    [line({ discountPercent: '-1' }), 'INVALID_DISCOUNT', ['input', 'lines', '0', 'discountPercent']],
    [{ lines: [{ productCode: 'SEAT', quantity: 1 }, { productCode: 'SEAT', quantity: 2 }] }, 'DUPLICATE_PRODUCT', ['input', 'lines', '1', 'productCode']],
  ])('createQuote with %j → %s', async (override, code, field) => {
    const payload = await rejected(() => stack.as('sales_rep').gql(CREATE_QUOTE, { input: { ...acmeQuote(acme), ...override } }), 'createQuote');
    expect(payload).toEqual({ quote: null, userErrors: [{ code, message: expect.any(String), field }] });
  });

  test('a product without a price in the customer currency → PRODUCT_NOT_PRICED', async () => {
    const pounds = await newCustomer(stack, { name: 'Pound Ltd', currency: 'GBP', taxRegion: 'GB' });
    const payload = await rejected(() => stack.as('sales_rep').gql(CREATE_QUOTE, { input: acmeQuote(pounds) }), 'createQuote');
    expect(payload.userErrors).toEqual([{ code: 'PRODUCT_NOT_PRICED', message: expect.any(String), field: ['input', 'lines', '0', 'productCode'] }]);
  });

  test('a EUR customer is quoted from the EUR price book', async () => {
    const euro = await newCustomer(stack, { name: 'Euro GmbH', currency: 'EUR', taxRegion: 'DE', legalEntityCode: 'DE01' });
    const res = await stack.as('sales_rep').gql(CREATE_QUOTE, { input: acmeQuote(euro) });
    const q = res.data.createQuote.quote;
    expect(q.currency).toBe('EUR');
    expect(q.lines.map((l: any) => l.netUnitPrice.amount)).toEqual(['1440.00', '45.00', '0.0018', '5400.00']);
  });

  test('roles without quoting rights are refused before anything runs', async () => {
    const res = await stack.as('auditor').gql(CREATE_QUOTE, { input: acmeQuote(acme) });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('approval levels: ≤10% none (submit approves), ≤25% sales manager, above finance', async () => {
    expect((await quoteAt('10')).requiredApproval).toBe('NONE');
    expect((await quoteAt('25')).requiredApproval).toBe('SALES_MANAGER');
    expect((await quoteAt('25.01')).requiredApproval).toBe('FINANCE');
    const free = await quoteAt('0');
    const submitted = await stack.as('sales_rep').gql(SUBMIT_QUOTE, { id: free.id });
    expect(submitted.data.submitQuote.quote.status).toBe('APPROVED');
  });

  test('a FINANCE quote: a sales manager lacks the authority (POLICY_APPROVAL_AUTHORITY); finance approves', async () => {
    const q = await quoteAt('30');
    await stack.as('sales_rep').gql(SUBMIT_QUOTE, { id: q.id });
    const payload = await rejected(() => stack.as('sales_manager').gql(APPROVE_QUOTE, { id: q.id }), 'approveQuote');
    expect(payload.userErrors).toEqual([{ code: 'POLICY_APPROVAL_AUTHORITY', message: expect.any(String), field: ['quoteId'] }]);
    const ok = await stack.as('finance').gql(APPROVE_QUOTE, { id: q.id });
    expect(ok.data.approveQuote.quote.status).toBe('APPROVED');
    const audit = await stack.sql(`SELECT decision FROM ops.audit_record WHERE entity_id = $1 AND action = 'approveQuote:approver_authority' ORDER BY at`, [q.id]);
    expect(audit.map((a: any) => a.decision)).toEqual(['DENIED', 'ALLOWED']);
  });

  test('admin approves a quote someone else submitted; the submitter may not, even as admin', async () => {
    const q = await quoteAt('20');
    const boss = stack.as('admin', { sub: 'boss' });
    await boss.gql(SUBMIT_QUOTE, { id: q.id });
    const own = await rejected(() => boss.gql(APPROVE_QUOTE, { id: q.id }), 'approveQuote');
    expect(own.userErrors[0].code).toBe('POLICY_APPROVER_IS_SUBMITTER');
    const other = await stack.as('admin', { sub: 'other-admin' }).gql(APPROVE_QUOTE, { id: q.id });
    expect(other.data.approveQuote.quote.status).toBe('APPROVED');
  });

  test('status rules: submit twice → QUOTE_NOT_DRAFT; approve a draft → QUOTE_NOT_PENDING; unknown → QUOTE_NOT_FOUND', async () => {
    const q = await quoteAt('20');
    const draft = await rejected(() => stack.as('sales_manager').gql(APPROVE_QUOTE, { id: q.id }), 'approveQuote');
    expect(draft.userErrors).toEqual([{ code: 'QUOTE_NOT_PENDING', message: expect.any(String), field: ['quoteId'] }]);
    await stack.as('sales_rep').gql(SUBMIT_QUOTE, { id: q.id });
    const again = await rejected(() => stack.as('sales_rep').gql(SUBMIT_QUOTE, { id: q.id }), 'submitQuote');
    expect(again.userErrors).toEqual([{ code: 'QUOTE_NOT_DRAFT', message: expect.any(String), field: ['quoteId'] }]);
    const missing = await rejected(() => stack.as('sales_rep').gql(SUBMIT_QUOTE, { id: 'quo_missing' }), 'submitQuote');
    expect(missing.userErrors).toEqual([{ code: 'QUOTE_NOT_FOUND', message: expect.any(String), field: ['quoteId'] }]);
  });

  test('rejection needs a reason; a rejected quote cannot be accepted', async () => {
    const q = await quoteAt('20');
    await stack.as('sales_rep').gql(SUBMIT_QUOTE, { id: q.id });
    const noReason = await rejected(() => stack.as('sales_manager').gql(REJECT_QUOTE, { id: q.id, reason: '  ' }), 'rejectQuote');
    expect(noReason.userErrors).toEqual([{ code: 'REASON_REQUIRED', message: expect.any(String), field: ['reason'] }]);
    const done = await stack.as('sales_manager').gql(REJECT_QUOTE, { id: q.id, reason: 'margin too thin' });
    expect(done.data.rejectQuote.quote).toEqual({ id: q.id, status: 'REJECTED', decisionComment: 'margin too thin' });
    const accept = await rejected(() => stack.as('sales_rep').gql(ACCEPT_QUOTE, { id: q.id }), 'acceptQuote');
    expect(accept.userErrors).toEqual([{ code: 'QUOTE_REJECTED', message: expect.any(String), field: ['quoteId'] }]);
  });

  test('a quote needing no approval is accepted as a draft; accepting twice → QUOTE_ALREADY_ACCEPTED', async () => {
    const q = await quoteAt('5');
    const accepted = await stack.as('sales_rep').gql(ACCEPT_QUOTE, { id: q.id });
    expect(accepted.data.acceptQuote.contract.version).toBe(1);
    const again = await rejected(() => stack.as('sales_rep').gql(ACCEPT_QUOTE, { id: q.id }), 'acceptQuote');
    expect(again.userErrors[0].code).toBe('QUOTE_ALREADY_ACCEPTED');
  });

  test('a customer on credit hold cannot accept (POLICY_CREDIT_HOLD); released, it can', async () => {
    const held = await newCustomer(stack, { name: 'Late Payer Inc' });
    const q = await quoteAt('0', held);
    await stack.as('finance').gql(SET_HOLD, { id: held, hold: true });
    await stack.settle();
    const payload = await rejected(() => stack.as('sales_rep').gql(ACCEPT_QUOTE, { id: q.id }), 'acceptQuote');
    expect(payload).toEqual({ contract: null, amendment: null, userErrors: [{ code: 'POLICY_CREDIT_HOLD', message: expect.any(String), field: ['quoteId'] }] });
    const [denial] = await stack.sql(`SELECT decision, reason FROM ops.audit_record WHERE action = 'acceptQuote:credit_hold' AND entity_id = $1`, [held]);
    expect(denial.decision).toBe('DENIED');
    await stack.as('finance').gql(SET_HOLD, { id: held, hold: false });
    await stack.settle();
    const ok = await stack.as('sales_rep').gql(ACCEPT_QUOTE, { id: q.id });
    expect(ok.data.acceptQuote.userErrors).toEqual([]);
  });

  test('only the owning partner quotes and accepts for its customer (POLICY_PARTNER_SCOPE)', async () => {
    const owned = await newCustomer(stack, { name: 'Partner Co' }, 'partner', 'partner-1');
    const mine = stack.as('partner', { sub: 'p1-user', partnerId: 'partner-1' });
    const theirs = stack.as('partner', { sub: 'p2-user', partnerId: 'partner-2' });
    const foreign = await rejected(() => theirs.gql(CREATE_QUOTE, { input: acmeQuote(owned) }), 'createQuote');
    expect(foreign.userErrors).toEqual([{ code: 'POLICY_PARTNER_SCOPE', message: expect.any(String), field: ['input', 'customerId'] }]);
    const direct = await rejected(() => theirs.gql(CREATE_QUOTE, { input: acmeQuote(acme) }), 'createQuote');
    expect(direct.userErrors[0].code).toBe('POLICY_PARTNER_SCOPE');

    const q = await quoteAt('0', owned, mine);
    const stolen = await rejected(() => theirs.gql(ACCEPT_QUOTE, { id: q.id }), 'acceptQuote');
    expect(stolen.userErrors).toEqual([{ code: 'POLICY_PARTNER_SCOPE', message: expect.any(String), field: ['quoteId'] }]);
    const peek = await theirs.gql(`query($id: ID!) { quote(id: $id) { id } }`, { id: q.id });
    expect(peek.data.quote).toBeNull();
    const ok = await mine.gql(ACCEPT_QUOTE, { id: q.id });
    expect(ok.data.acceptQuote.userErrors).toEqual([]);
    const [event] = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'ContractActivated' AND payload->>'quoteId' = $1`, [q.id]);
    expect(event.payload.partnerId).toBe('partner-1');
  });

  test('a customer shows its quotes and contracts, one statement per list whatever the number of customers', async () => {
    const ids = [await newCustomer(stack, { name: 'Batch A' }), await newCustomer(stack, { name: 'Batch B' })];
    for (const id of ids) {
      const q = await quoteAt('0', id);
      await stack.as('sales_rep').gql(ACCEPT_QUOTE, { id: q.id });
      await quoteAt('0', id);
    }
    const statements = stack.subgraphs.contract!.statements;
    const before = statements.count;
    const res = await stack.as('admin').gql(
      `{ customers(first: 20) { nodes { id quotes { id lines { quantity } } contracts { number lines { quantity } amendments { id } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const used = statements.count - before;
    const batch = res.data.customers.nodes.filter((c: any) => ids.includes(c.id));
    expect(batch.map((c: any) => [c.quotes.length, c.contracts.length])).toEqual([[2, 1], [2, 1]]);
    // quotes, quote lines, contracts, contract lines, amendments: one statement each.
    expect(used).toBe(5);
  });
});
