import { startTestStack, type TestStack } from '@rg/testkit';
import { ACCOUNT, amend, finance, INVOICE, lineSummary, newContract, newCustomer, RECORD_PAYMENT, RECORD_USAGE, billingOps, runBilling } from './support';

/** Steps 3-5, 8, 9, 11 and 12 of shared/scenarios/quote-to-cash.md, through the gateway, to the cent. */
describe('worked example: order to cash for Acme', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract', 'billing'] });
  });
  afterAll(() => stack?.stop());

  const account = async (id: string, asOf?: string) => (await finance(stack).gql(ACCOUNT, { id, asOf })).data.customer;

  test('invoices, usage, payments and the amendment come out exactly', async () => {
    const acme = await newCustomer(stack);
    const contract = await newContract(stack, acme);

    // Step 3: invoice 1.
    const first = await runBilling(stack, '2026-01-01');
    expect(first.userErrors).toEqual([]);
    expect(first.invoices).toHaveLength(1);
    const inv1 = first.invoices[0];
    expect(inv1).toMatchObject({
      number: 'US01-2026-000001',
      status: 'POSTED',
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      customer: { id: acme },
      contract: { id: contract.id },
      subtotal: { amount: '8100.00', currency: 'USD' },
      tax: { amount: '0.00', currency: 'USD' },
      total: { amount: '8100.00', currency: 'USD' },
      amountDue: { amount: '8100.00', currency: 'USD' },
    });
    expect(lineSummary(inv1)).toEqual([
      ['RECURRING', 'PLATFORM', '1', '1600.00'],
      ['RECURRING', 'SEAT', '10', '500.00'],
      ['ONE_TIME', 'ONBOARDING', '1', '6000.00'],
    ]);
    expect(inv1.lines[0]).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-01-31' });
    expect((await account(acme)).balance).toEqual({ amount: '8100.00', currency: 'USD' });

    // Step 4: January usage, the second event sent twice.
    const ops = billingOps(stack);
    const usage = (eventId: string, quantity: number, day: string) =>
      ops.gql(RECORD_USAGE, { input: { contractId: contract.id, productCode: 'API_CALLS', quantity, occurredAt: `2026-01-${day}T12:00:00Z`, eventId } });
    expect((await usage('acme-jan-1', 500_000, '10')).data.recordUsage).toEqual({ accepted: true, duplicate: false, userErrors: [] });
    expect((await usage('acme-jan-2', 500_000, '20')).data.recordUsage).toEqual({ accepted: true, duplicate: false, userErrors: [] });
    expect((await usage('acme-jan-2', 500_000, '20')).data.recordUsage).toEqual({ accepted: false, duplicate: true, userErrors: [] });
    expect((await usage('acme-jan-3', 250_000, '30')).data.recordUsage).toEqual({ accepted: true, duplicate: false, userErrors: [] });
    expect((await stack.sql(`SELECT sum(quantity)::int AS n FROM billing.usage_record`))[0].n).toBe(1_250_000);

    // Step 5: payment in full, retried with the same key.
    const pay = { customerId: acme, invoiceId: inv1.id, amount: { amount: '8100.00', currency: 'USD' }, receivedAt: '2026-01-20T10:00:00Z', externalId: 'wire-0001' };
    const paid = await finance(stack).gql(RECORD_PAYMENT, { input: pay, key: 'acme-pay-1' });
    expect(paid.data.recordPayment.userErrors).toEqual([]);
    expect(paid.data.recordPayment.payment).toMatchObject({ status: 'SETTLED', amount: { amount: '8100.00', currency: 'USD' }, invoice: { id: inv1.id, status: 'PAID' } });
    const retried = await finance(stack).gql(RECORD_PAYMENT, { input: pay, key: 'acme-pay-1' });
    expect(retried.data.recordPayment).toEqual(paid.data.recordPayment);
    expect((await stack.sql(`SELECT count(*)::int AS n FROM billing.payment`))[0].n).toBe(1);
    expect((await stack.sql(`SELECT count(*)::int AS n FROM events.event_log WHERE type = 'PaymentSettled'`))[0].n).toBe(1);
    let acct = await account(acme);
    expect(acct.balance).toEqual({ amount: '0.00', currency: 'USD' });
    expect(acct.invoices).toEqual([{ id: inv1.id, number: 'US01-2026-000001', status: 'PAID', amountDue: { amount: '0.00' } }]);

    // Step 8: invoice 2 with January's usage in arrears.
    const second = await runBilling(stack, '2026-02-01');
    expect(second.invoices).toHaveLength(1);
    const inv2 = second.invoices[0];
    expect(inv2).toMatchObject({ number: 'US01-2026-000002', dueDate: '2026-03-03', total: { amount: '2600.00' }, amountDue: { amount: '2600.00' } });
    expect(lineSummary(inv2)).toEqual([
      ['RECURRING', 'PLATFORM', '1', '1600.00'],
      ['RECURRING', 'SEAT', '10', '500.00'],
      ['USAGE', 'API_CALLS', '250000', '500.00'],
    ]);
    expect(inv2.lines[2]).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-01-31' });
    const [summary] = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'UsageSummarized'`);
    expect(summary.payload).toEqual({ contractId: contract.id, customerId: acme, productCode: 'API_CALLS', month: '2026-01', quantity: '1250000' });
    expect((await account(acme)).balance.amount).toBe('2600.00');

    // Step 9: a failed card payment changes no balance.
    const failed = await finance(stack).gql(RECORD_PAYMENT, {
      input: { customerId: acme, invoiceId: inv2.id, amount: { amount: '2600.00', currency: 'USD' }, receivedAt: '2026-02-10T09:00:00Z', externalId: 'card-0002', status: 'FAILED', failureReason: 'card_declined' },
      key: 'acme-pay-2',
    });
    expect(failed.data.recordPayment).toMatchObject({ payment: { status: 'FAILED', failureReason: 'card_declined' }, userErrors: [] });
    const inv2After = (await finance(stack).gql(INVOICE, { id: inv2.id })).data.invoice;
    expect(inv2After).toMatchObject({ status: 'POSTED', amountDue: { amount: '2600.00' } });
    expect(inv2After.payments).toEqual([{ id: failed.data.recordPayment.payment.id, status: 'FAILED', amount: { amount: '2600.00' } }]);
    const [failedEvent] = await stack.sql(`SELECT payload, correlation_id FROM events.event_log WHERE type = 'PaymentFailed'`);
    expect(failedEvent.payload).toMatchObject({ customerId: acme, invoiceId: inv2.id, failureReason: 'card_declined', amountMinor: '260000' });
    acct = await account(acme, '2026-02-15');
    expect(acct.balance.amount).toBe('2600.00');
    expect(acct.collections).toEqual({ bucket: 'CURRENT', daysOverdue: 0, failedPaymentsLast90Days: 1, oldestOverdueInvoice: null });

    // March is billed as usual, then step 11: SEAT 10 -> 15 from 2026-03-16.
    const march = await runBilling(stack, '2026-03-01');
    expect(march.invoices.map((i) => i.total.amount)).toEqual(['2100.00']);
    await amend(stack, contract.id, '2026-03-16', [{ productCode: 'SEAT', quantity: 15 }]);
    const proration = await runBilling(stack, '2026-03-16');
    expect(proration.invoices).toHaveLength(1);
    expect(lineSummary(proration.invoices[0])).toEqual([['PRORATION', 'SEAT', '5', '129.03']]);
    expect(proration.invoices[0].lines[0]).toMatchObject({ periodStart: '2026-03-16', periodEnd: '2026-03-31' });
    expect(proration.invoices[0].total.amount).toBe('129.03');

    // Step 12: April at 15 seats.
    const april = await runBilling(stack, '2026-04-01', 'corr-april-run');
    expect(april.invoices).toHaveLength(1);
    expect(lineSummary(april.invoices[0])).toEqual([
      ['RECURRING', 'PLATFORM', '1', '1600.00'],
      ['RECURRING', 'SEAT', '15', '750.00'],
    ]);
    expect(april.invoices[0].total.amount).toBe('2350.00');
    expect(april.invoices[0].number).toBe('US01-2026-000005');

    acct = await account(acme, '2026-04-01');
    expect(acct.balance.amount).toBe('7179.03'); // 2,600.00 + 2,100.00 + 129.03 + 2,350.00
    expect(acct.collections).toMatchObject({ bucket: 'DAYS_1_30', daysOverdue: 29, oldestOverdueInvoice: { number: 'US01-2026-000002' } });

    const [aprilEvent] = await stack.sql(`SELECT correlation_id FROM events.event_log WHERE type = 'InvoicePosted' AND aggregate_id = $1`, [april.invoices[0].id]);
    expect(aprilEvent.correlation_id).toBe('corr-april-run');

    // Every posted invoice went out as an event.
    const posted = await stack.sql(`SELECT payload->>'number' AS number, payload->>'totalMinor' AS total FROM events.event_log WHERE type = 'InvoicePosted' ORDER BY position`);
    expect(posted).toEqual([
      { number: 'US01-2026-000001', total: '810000' },
      { number: 'US01-2026-000002', total: '260000' },
      { number: 'US01-2026-000003', total: '210000' },
      { number: 'US01-2026-000004', total: '12903' },
      { number: 'US01-2026-000005', total: '235000' },
    ]);
  });
});
