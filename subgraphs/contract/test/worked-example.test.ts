import { ACME_TERMS, startTestStack, type TestStack } from '@rg/testkit';
import {
  ACCEPT_QUOTE,
  acmeQuote,
  AMEND_CONTRACT,
  APPROVE_QUOTE,
  CONTRACT_AT,
  CREATE_QUOTE,
  footprint,
  newCustomer,
  SUBMIT_QUOTE,
} from './support';

/** Steps 1, 2 and the contract side of 11 of shared/scenarios/quote-to-cash.md, through the gateway. */
describe('worked example: quote to contract to amendment', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract'] });
  });
  afterAll(() => stack?.stop());

  test('Acme: quote, approval by another manager, contract version 1, SEAT 10 → 15 as version 2', async () => {
    const acme = await newCustomer(stack);
    const rep = stack.as('sales_rep', { sub: 'rep-ann', alsoRoles: ['sales_manager'], correlationId: 'corr-quote' });
    const manager = stack.as('sales_manager', { sub: 'manager-bob' });

    // Step 1: the quote needs a sales manager (20% on PLATFORM).
    const created = await rep.gql(CREATE_QUOTE, { input: acmeQuote(acme) });
    expect(created.errors).toBeUndefined();
    const quote = created.data.createQuote.quote;
    expect(created.data.createQuote.userErrors).toEqual([]);
    expect(quote).toMatchObject({
      status: 'DRAFT',
      currency: 'USD',
      requiredApproval: 'SALES_MANAGER',
      startDate: '2026-01-01',
      termMonths: 12,
      billingFrequency: 'MONTHLY',
      customer: { id: acme },
      contract: null,
    });
    expect(quote.lines).toEqual([
      { product: { code: 'PLATFORM', chargeModel: 'FLAT', listPrice: { amount: '2000.00', currency: 'USD' } }, quantity: 1, discountPercent: '20', netUnitPrice: { amount: '1600.00', currency: 'USD' } },
      { product: { code: 'SEAT', chargeModel: 'PER_UNIT', listPrice: { amount: '50.00', currency: 'USD' } }, quantity: 10, discountPercent: '0', netUnitPrice: { amount: '50.00', currency: 'USD' } },
      { product: { code: 'API_CALLS', chargeModel: 'TIERED_USAGE', listPrice: { amount: '0.002', currency: 'USD' } }, quantity: 1, discountPercent: '0', netUnitPrice: { amount: '0.002', currency: 'USD' } },
      { product: { code: 'ONBOARDING', chargeModel: 'ONE_TIME', listPrice: { amount: '6000.00', currency: 'USD' } }, quantity: 1, discountPercent: '0', netUnitPrice: { amount: '6000.00', currency: 'USD' } },
    ]);

    // Accepting before approval fails and creates nothing.
    const before = await footprint(stack);
    const early = await rep.gql(ACCEPT_QUOTE, { id: quote.id });
    expect(early.data.acceptQuote).toEqual({
      contract: null,
      amendment: null,
      userErrors: [{ code: 'QUOTE_NOT_APPROVED', message: expect.any(String), field: ['quoteId'] }],
    });
    expect(await footprint(stack)).toEqual(before);

    // Step 2: submitted; the submitter cannot approve although they hold sales_manager.
    const submitted = await rep.gql(SUBMIT_QUOTE, { id: quote.id });
    expect(submitted.data.submitQuote).toEqual({ quote: { id: quote.id, status: 'PENDING_APPROVAL', submittedBy: 'rep-ann' }, userErrors: [] });
    const own = await rep.gql(APPROVE_QUOTE, { id: quote.id });
    expect(own.data.approveQuote).toEqual({
      quote: null,
      userErrors: [{ code: 'POLICY_APPROVER_IS_SUBMITTER', message: expect.any(String), field: ['quoteId'] }],
    });
    const approved = await manager.gql(APPROVE_QUOTE, { id: quote.id, comment: 'ok for Q1' });
    expect(approved.data.approveQuote).toEqual({ quote: { id: quote.id, status: 'APPROVED', approvedBy: 'manager-bob' }, userErrors: [] });

    const accepted = await rep.gql(ACCEPT_QUOTE, { id: quote.id });
    expect(accepted.data.acceptQuote.userErrors).toEqual([]);
    const contract = accepted.data.acceptQuote.contract;
    expect(contract).toMatchObject({
      status: 'ACTIVE',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      billingFrequency: 'MONTHLY',
      version: 1,
      currency: 'USD',
      termMonths: 12,
      customer: { id: acme },
      amendments: [],
    });
    expect(contract.number).toMatch(/^C-2026-\d{6}$/);
    expect(contract.lines.map((l: any) => [l.product.code, l.quantity, l.netUnitPrice.amount])).toEqual([
      ['PLATFORM', 1, '1600.00'],
      ['SEAT', 10, '50.00'],
      ['API_CALLS', 1, '0.002'],
      ['ONBOARDING', 1, '6000.00'],
    ]);

    const [activated] = await stack.sql(`SELECT type, version, correlation_id, payload FROM events.event_log WHERE type = 'ContractActivated' AND aggregate_id = $1`, [contract.id]);
    expect(activated.payload).toEqual({
      contractId: contract.id,
      number: contract.number,
      quoteId: quote.id,
      customerId: acme,
      ...ACME_TERMS,
      activatedAt: expect.any(String),
      lines: [
        { productCode: 'PLATFORM', productName: 'Platform subscription', chargeModel: 'FLAT', quantity: 1, discountPercent: '20', listUnitPriceMicros: '2000000000', netUnitPriceMicros: '1600000000', sspUnitPriceMicros: '2000000000', includedUnits: null },
        { productCode: 'SEAT', productName: 'Seat', chargeModel: 'PER_UNIT', quantity: 10, discountPercent: '0', listUnitPriceMicros: '50000000', netUnitPriceMicros: '50000000', sspUnitPriceMicros: '50000000', includedUnits: null },
        { productCode: 'API_CALLS', productName: 'API calls', chargeModel: 'TIERED_USAGE', quantity: 1, discountPercent: '0', listUnitPriceMicros: '2000', netUnitPriceMicros: '2000', sspUnitPriceMicros: '2000', includedUnits: 1000000 },
        { productCode: 'ONBOARDING', productName: 'Onboarding services', chargeModel: 'ONE_TIME', quantity: 1, discountPercent: '0', listUnitPriceMicros: '6000000000', netUnitPriceMicros: '6000000000', sspUnitPriceMicros: '6000000000', includedUnits: null },
      ],
    });

    // Step 11, contract side: SEAT 10 → 15 from 2026-03-16.
    const amend = { input: { contractId: contract.id, effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }] }, key: 'acme-seats-15' };
    const amended = await manager.gql(AMEND_CONTRACT, amend);
    expect(amended.data.amendContract.userErrors).toEqual([]);
    const { amendment, contract: v2 } = amended.data.amendContract;
    expect(amendment).toMatchObject({
      kind: 'QUANTITY_CHANGE',
      effectiveDate: '2026-03-16',
      version: 2,
      changes: [{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 15 }],
    });
    expect(v2.version).toBe(2);
    expect(v2.lines.find((l: any) => l.product.code === 'SEAT')).toMatchObject({ quantity: 15, netUnitPrice: { amount: '50.00' } });
    expect(v2.amendments.map((a: any) => a.id)).toEqual([amendment.id]);

    const events = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'ContractAmended' AND aggregate_id = $1`, [contract.id]);
    expect(events).toHaveLength(1);
    const payload = events[0].payload;
    expect(payload).toMatchObject({
      contractId: contract.id,
      customerId: acme,
      amendmentId: amendment.id,
      kind: 'QUANTITY_CHANGE',
      effectiveDate: '2026-03-16',
      version: 2,
      changes: [{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 15 }],
    });
    expect(payload.before.version).toBe(1);
    expect(payload.after.version).toBe(2);
    const seats = (terms: any) => terms.lines.find((l: any) => l.productCode === 'SEAT').quantity;
    expect([seats(payload.before), seats(payload.after)]).toEqual([10, 15]);
    expect(payload.after.endDate).toBe('2026-12-31');

    // The same request with the same key is answered from the first result, with no second effect.
    const replay = await manager.gql(AMEND_CONTRACT, amend);
    expect(replay.data.amendContract.amendment.id).toBe(amendment.id);
    expect(replay.data.amendContract.contract.version).toBe(2);
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM events.event_log WHERE type = 'ContractAmended' AND aggregate_id = $1`, [contract.id]);
    expect(n).toBe(1);

    // Version history: version 1 stays as it was.
    const v1 = await stack.as('auditor').gql(CONTRACT_AT, { id: contract.id, version: 1 });
    expect(v1.data.contract).toMatchObject({ version: 1, amendments: [] });
    expect(v1.data.contract.lines.find((l: any) => l.product.code === 'SEAT').quantity).toBe(10);
    const current = await stack.as('auditor').gql(CONTRACT_AT, { id: contract.id });
    expect(current.data.contract.version).toBe(2);
    const nodes = await stack.as('auditor').gql(
      `query($q: ID!, $c: ID!, $a: ID!) { q: node(id: $q) { ... on Quote { status contract { number } } }
         c: node(id: $c) { ... on Contract { number version } } a: node(id: $a) { ... on Amendment { kind contract { id } } } }`,
      { q: quote.id, c: contract.id, a: amendment.id },
    );
    expect(nodes.data).toEqual({
      q: { status: 'ACCEPTED', contract: { number: contract.number } },
      c: { number: contract.number, version: 2 },
      a: { kind: 'QUANTITY_CHANGE', contract: { id: contract.id } },
    });

    // The audit trail: every transition, the denied self-approval, one correlation id per request.
    const trail = await stack.sql(
      `SELECT action, decision, actor, correlation_id FROM ops.audit_record
        WHERE service = 'contract' AND entity_id IN ($1, $2) ORDER BY at, action`,
      [quote.id, contract.id],
    );
    const actions = trail.map((r: any) => `${r.action} ${r.decision} ${r.actor}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'createQuote:discount_approval APPROVAL_REQUIRED rep-ann',
        'createQuote ALLOWED rep-ann',
        'submitQuote ALLOWED rep-ann',
        'approveQuote:approver_not_submitter DENIED rep-ann',
        'approveQuote:approver_not_submitter ALLOWED manager-bob',
        'approveQuote:approver_authority ALLOWED manager-bob',
        'approveQuote ALLOWED manager-bob',
        'acceptQuote ALLOWED rep-ann',
        'activateContract ALLOWED rep-ann',
        'amendContract ALLOWED manager-bob',
        'amendContract REPLAYED manager-bob',
      ]),
    );
    expect(trail.filter((r: any) => r.actor === 'rep-ann').every((r: any) => r.correlation_id === 'corr-quote')).toBe(true);
    const [amendAudit] = await stack.sql(
      `SELECT before, after FROM ops.audit_record WHERE action = 'amendContract' AND decision = 'ALLOWED' AND entity_id = $1 AND before IS NOT NULL`,
      [contract.id],
    );
    expect(amendAudit.before.version).toBe(1);
    expect(amendAudit.after.version).toBe(2);
  });
});
