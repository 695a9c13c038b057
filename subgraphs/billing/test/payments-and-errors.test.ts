import { startTestStack, type TestStack } from '@rg/testkit';
import {
  ACCOUNT,
  billingFootprint,
  billingOps,
  finance,
  INVOICE,
  newContract,
  newCustomer,
  RECORD_PAYMENT,
  RECORD_USAGE,
  RUN_BILLING,
  runBilling,
  VOID_INVOICE,
} from './support';

/** Payments, credit, collections, and every rejected input leaving billing exactly as it was. */
describe('payments, collections and bad inputs', () => {
  let stack: TestStack;
  let customer: string;
  let contract: { id: string; number: string };
  let invoices: any[];

  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract', 'billing'] });
    customer = await newCustomer(stack, { name: 'Payer Inc' });
    contract = await newContract(stack, customer, { lines: [{ productCode: 'PLATFORM', quantity: 1 }, { productCode: 'API_CALLS', quantity: 1 }] });
    await runBilling(stack, '2026-01-01');
    await runBilling(stack, '2026-02-01');
    invoices = (await finance(stack).gql(ACCOUNT, { id: customer })).data.customer.invoices;
  });
  afterAll(() => stack?.stop());

  const pay = (input: Record<string, unknown>, key: string) =>
    finance(stack).gql(RECORD_PAYMENT, {
      input: { customerId: customer, amount: { amount: '100.00', currency: 'USD' }, receivedAt: '2026-02-05T10:00:00Z', externalId: `ext-${key}`, ...input },
      key,
    });
  const account = async (asOf?: string) => (await finance(stack).gql(ACCOUNT, { id: customer, asOf })).data.customer;

  /** Asserts the call answers with exactly this user error and leaves billing untouched. */
  async function rejects(call: () => Promise<any>, code: string, field: string[] | null) {
    const before = await billingFootprint(stack);
    const res = await call();
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data)[0] as { userErrors: unknown[] };
    expect(payload.userErrors).toEqual([{ code, message: expect.any(String), field }]);
    expect(await billingFootprint(stack)).toEqual(before);
  }

  test('the customer starts with two open invoices of 2,000.00', () => {
    expect(invoices.map((i) => [i.number, i.status, i.amountDue.amount])).toEqual([
      ['US01-2026-000001', 'POSTED', '2000.00'],
      ['US01-2026-000002', 'POSTED', '2000.00'],
    ]);
  });

  test('collections age by the oldest overdue invoice and count recent failed payments', async () => {
    expect((await account('2026-01-31')).collections).toEqual({ bucket: 'CURRENT', daysOverdue: 0, failedPaymentsLast90Days: 0, oldestOverdueInvoice: null });
    expect((await account('2026-02-15')).collections).toMatchObject({ bucket: 'DAYS_1_30', daysOverdue: 15, oldestOverdueInvoice: { number: 'US01-2026-000001' } });
    expect((await account('2026-04-01')).collections).toMatchObject({ bucket: 'DAYS_31_60', daysOverdue: 60 });
    expect((await account('2026-04-02')).collections).toMatchObject({ bucket: 'DAYS_61_90', daysOverdue: 61 });
    expect((await account('2026-05-02')).collections).toMatchObject({ bucket: 'DAYS_90_PLUS', daysOverdue: 91 });
  });

  test('a partial payment leaves the invoice PARTIALLY_PAID with the rest due', async () => {
    const res = await pay({ invoiceId: invoices[0].id, amount: { amount: '500.00', currency: 'USD' } }, 'partial-1');
    expect(res.data.recordPayment.userErrors).toEqual([]);
    const inv = (await finance(stack).gql(INVOICE, { id: invoices[0].id })).data.invoice;
    expect(inv).toMatchObject({ status: 'PARTIALLY_PAID', amountDue: { amount: '1500.00' } });
    expect(inv.payments).toEqual([{ id: res.data.recordPayment.payment.id, status: 'SETTLED', amount: { amount: '500.00' } }]);
    expect((await account()).balance.amount).toBe('3500.00');
  });

  test('a payment naming no invoice pays the oldest first and keeps the excess as credit the next invoice consumes', async () => {
    const res = await pay({ amount: { amount: '4000.00', currency: 'USD' } }, 'sweep-1');
    expect(res.data.recordPayment.payment.invoice).toMatchObject({ id: invoices[0].id, status: 'PAID' });
    const [event] = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'PaymentSettled' AND aggregate_id = $1`, [res.data.recordPayment.payment.id]);
    expect(event.payload).toMatchObject({
      applications: [
        { invoiceId: invoices[0].id, amountMinor: '150000' },
        { invoiceId: invoices[1].id, amountMinor: '200000' },
      ],
      unappliedMinor: '50000',
    });
    let acct = await account();
    expect(acct.balance.amount).toBe('0.00');
    expect(acct.credit).toEqual({ amount: '500.00', currency: 'USD' });
    expect(acct.invoices.map((i: any) => i.status)).toEqual(['PAID', 'PAID']);

    const [march] = (await runBilling(stack, '2026-03-01')).invoices.filter((i) => i.customer.id === customer);
    expect(march).toMatchObject({ total: { amount: '2000.00' }, creditApplied: { amount: '500.00' }, amountDue: { amount: '1500.00' }, status: 'POSTED' });
    acct = await account();
    expect(acct.credit.amount).toBe('0.00');
    expect(acct.balance.amount).toBe('1500.00');
    invoices = acct.invoices;
  });

  test('a FAILED payment records its reason and moves no money', async () => {
    const res = await pay({ invoiceId: invoices[2].id, amount: { amount: '1500.00', currency: 'USD' }, status: 'FAILED', failureReason: 'insufficient_funds', receivedAt: '2026-03-05T00:00:00Z' }, 'fail-1');
    expect(res.data.recordPayment.payment).toMatchObject({ status: 'FAILED', failureReason: 'insufficient_funds', invoice: { status: 'POSTED' } });
    const acct = await account('2026-04-10');
    expect(acct.balance.amount).toBe('1500.00');
    expect(acct.collections).toMatchObject({ bucket: 'DAYS_1_30', daysOverdue: 10, failedPaymentsLast90Days: 1 });
    expect((await account('2026-06-10')).collections.failedPaymentsLast90Days).toBe(0);
  });

  test('concurrent duplicates of a payment and of a usage event take effect once', async () => {
    // A customer with nothing billed: the payment becomes credit, and the other tests' invoices stay untouched.
    const payer = await newCustomer(stack, { name: 'Double Clicker' });
    const input = { customerId: payer, amount: { amount: '10.00', currency: 'USD' }, receivedAt: '2026-03-06T00:00:00Z', externalId: 'dup-wire' };
    const results = await Promise.all([1, 2, 3].map(() => finance(stack).gql(RECORD_PAYMENT, { input, key: 'dup-key' })));
    const ids = new Set(results.map((r) => r.data.recordPayment.payment.id));
    expect(ids.size).toBe(1);
    expect((await stack.sql(`SELECT count(*)::int AS n FROM billing.payment WHERE external_id = 'dup-wire'`))[0].n).toBe(1);
    expect((await finance(stack).gql(ACCOUNT, { id: payer })).data.customer.credit).toEqual({ amount: '10.00', currency: 'USD' });

    const event = { contractId: contract.id, productCode: 'API_CALLS', quantity: 7, occurredAt: '2026-03-10T00:00:00Z', eventId: 'dup-usage' };
    const outcomes = await Promise.all([1, 2, 3].map(() => billingOps(stack).gql(RECORD_USAGE, { input: event })));
    expect(outcomes.map((o) => o.data.recordUsage.accepted).filter(Boolean)).toHaveLength(1);
    expect(outcomes.map((o) => o.data.recordUsage.duplicate).filter(Boolean)).toHaveLength(2);
    expect((await stack.sql(`SELECT count(*)::int AS n FROM billing.usage_record WHERE event_id = 'dup-usage'`))[0].n).toBe(1);
  });

  test('the same idempotency key with another input is refused', async () => {
    await rejects(() => pay({ amount: { amount: '100.01', currency: 'USD' } }, 'sweep-1'), 'IDEMPOTENCY_KEY_REUSED', ['idempotencyKey']);
  });

  test.each([
    ['a payment in another currency', { amount: { amount: '100.00', currency: 'EUR' } }, 'CURRENCY_MISMATCH', ['input', 'amount', 'currency']],
    ['an unknown customer', { customerId: 'cus_unknown' }, 'CUSTOMER_NOT_FOUND', ['input', 'customerId']],
    ['a zero amount', { amount: { amount: '0.00', currency: 'USD' } }, 'INVALID_AMOUNT', ['input', 'amount', 'amount']],
    ['a negative amount', { amount: { amount: '-5.00', currency: 'USD' } }, 'INVALID_AMOUNT', ['input', 'amount', 'amount']],
    ['fractions of a cent', { amount: { amount: '1.001', currency: 'USD' } }, 'INVALID_AMOUNT', ['input', 'amount', 'amount']],
    ['an unknown invoice', { invoiceId: 'inv_unknown' }, 'INVOICE_NOT_FOUND', ['input', 'invoiceId']],
    ['a failed payment without reason', { status: 'FAILED' }, 'FAILURE_REASON_REQUIRED', ['input', 'failureReason']],
    ['an empty external id', { externalId: ' ' }, 'EXTERNAL_ID_REQUIRED', ['input', 'externalId']],
    ['an unreadable receivedAt', { receivedAt: 'yesterday' }, 'INVALID_DATE', ['input', 'receivedAt']],
  ])('recordPayment refuses %s', async (_name, input, code, field) => {
    await rejects(() => pay(input, `bad-${code}-${JSON.stringify(input).length}`), code, field);
  });

  test('recordPayment refuses a paid invoice and another customer’s invoice', async () => {
    await rejects(() => pay({ invoiceId: invoices[0].id }, 'paid-invoice'), 'INVOICE_NOT_OPEN', ['input', 'invoiceId']);
    const other = await newCustomer(stack, { name: 'Other Co' });
    await rejects(
      () => finance(stack).gql(RECORD_PAYMENT, { input: { customerId: other, invoiceId: invoices[2].id, amount: { amount: '1.00', currency: 'USD' }, receivedAt: '2026-03-05T00:00:00Z', externalId: 'x' }, key: 'cross' }),
      'INVOICE_NOT_FOUND',
      ['input', 'invoiceId'],
    );
  });

  const usage = (input: Record<string, unknown>) =>
    billingOps(stack).gql(RECORD_USAGE, {
      input: { contractId: contract.id, productCode: 'API_CALLS', quantity: 10, occurredAt: '2026-03-10T00:00:00Z', eventId: `evt-${Math.random()}`, ...input },
    });

  test.each([
    ['an unknown contract', { contractId: 'ctr_unknown' }, 'CONTRACT_NOT_FOUND', ['input', 'contractId']],
    ['a product that is not usage-priced', { productCode: 'PLATFORM' }, 'PRODUCT_NOT_USAGE', ['input', 'productCode']],
    ['a product not on the contract', { productCode: 'SEAT' }, 'PRODUCT_NOT_USAGE', ['input', 'productCode']],
    ['usage before the term', { occurredAt: '2025-12-31T23:59:59Z' }, 'OUTSIDE_TERM', ['input', 'occurredAt']],
    ['usage after the term', { occurredAt: '2027-01-01T00:00:00Z' }, 'OUTSIDE_TERM', ['input', 'occurredAt']],
    ['a zero quantity', { quantity: 0 }, 'INVALID_QUANTITY', ['input', 'quantity']],
    ['a negative quantity', { quantity: -5 }, 'INVALID_QUANTITY', ['input', 'quantity']],
    ['an empty event id', { eventId: '' }, 'EVENT_ID_REQUIRED', ['input', 'eventId']],
    ['an unreadable occurredAt', { occurredAt: 'soon' }, 'INVALID_DATE', ['input', 'occurredAt']],
  ])('recordUsage refuses %s', async (_name, input, code, field) => {
    const before = await billingFootprint(stack);
    const res = await usage(input);
    expect(res.data.recordUsage).toEqual({ accepted: false, duplicate: false, userErrors: [{ code, message: expect.any(String), field }] });
    expect(await billingFootprint(stack)).toEqual(before);
  });

  test('voidInvoice refuses what it cannot void', async () => {
    const voidIt = (id: string, reason: string) => billingOps(stack).gql(VOID_INVOICE, { id, reason });
    await rejects(() => voidIt(invoices[2].id, '  '), 'REASON_REQUIRED', ['reason']);
    await rejects(() => voidIt('inv_unknown', 'typo'), 'INVOICE_NOT_FOUND', ['invoiceId']);
    await rejects(() => voidIt(invoices[0].id, 'changed our mind'), 'INVOICE_HAS_PAYMENTS', ['invoiceId']);
    // Invoice 3 consumed 500.00 of credit: voiding it gives the credit back.
    expect((await voidIt(invoices[2].id, 'duplicate')).data.voidInvoice.userErrors).toEqual([]);
    expect((await account()).credit.amount).toBe('500.00');
    await rejects(() => voidIt(invoices[2].id, 'again'), 'INVOICE_ALREADY_VOID', ['invoiceId']);
  });

  test('runBilling refuses an impossible date', async () => {
    await rejects(() => billingOps(stack).gql(RUN_BILLING, { asOf: '2026-02-30' }), 'INVALID_DATE', ['asOf']);
  });

  test('roles without billing rights get FORBIDDEN and change nothing', async () => {
    const before = await billingFootprint(stack);
    const res = await stack.as('sales_rep').gql(RUN_BILLING, { asOf: '2026-12-01' });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditor = await stack.as('auditor').gql(RECORD_PAYMENT, { input: { customerId: customer, amount: { amount: '1.00', currency: 'USD' }, receivedAt: '2026-03-05T00:00:00Z', externalId: 'x' }, key: 'auditor' });
    expect(auditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await billingFootprint(stack)).toEqual(before);
  });

  test('a partner sees only the invoices of customers it owns', async () => {
    const own = await newCustomer(stack, { name: 'Partner Owned', partnerId: 'partner-7' });
    const ownContract = await newContract(stack, own, { startDate: '2026-12-01', lines: [{ productCode: 'SEAT', quantity: 1 }] });
    const [ownInvoice] = (await runBilling(stack, '2026-12-01')).invoices.filter((i) => i.contract.id === ownContract.id);
    const partner = stack.as('partner', { partnerId: 'partner-7' });
    expect((await partner.gql(INVOICE, { id: ownInvoice.id })).data.invoice.id).toBe(ownInvoice.id);
    expect((await partner.gql(INVOICE, { id: invoices[0].id })).data.invoice).toBeNull();
  });
});
