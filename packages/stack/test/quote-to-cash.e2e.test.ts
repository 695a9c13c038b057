import { randomUUID } from 'node:crypto';
import type { Role } from '@rg/kit';
import { startTestStack, type TestStack } from '@rg/testkit';
import { subscribe, wsClient } from '../../../gateway/test/support';

/**
 * shared/scenarios/quote-to-cash.md, played as written: every step through the gateway with a
 * token of the role it names, every figure to the cent, debits equal to credits after each step,
 * and one correlation id per request on the audit trail.
 */
const ERRORS = 'userErrors { code message field }';
const LINES = 'lines { kind productCode quantity amount { amount } periodStart periodEnd }';
const Q = {
  createCustomer: `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } ${ERRORS} } }`,
  createQuote: `mutation($input: CreateQuoteInput!) { createQuote(input: $input) {
    quote { id status requiredApproval lines { product { code } quantity discountPercent netUnitPrice { amount currency } } } ${ERRORS} } }`,
  submitQuote: `mutation($id: ID!) { submitQuote(quoteId: $id) { quote { status } ${ERRORS} } }`,
  approveQuote: `mutation($id: ID!) { approveQuote(quoteId: $id, comment: "ok") { quote { status } ${ERRORS} } }`,
  acceptQuote: `mutation($id: ID!) { acceptQuote(quoteId: $id) { contract { id startDate endDate version status } ${ERRORS} } }`,
  runBilling: `mutation($asOf: Date!) { runBilling(asOf: $asOf) { invoices { id number dueDate total { amount } ${LINES} } ${ERRORS} } }`,
  recordUsage: `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { accepted duplicate ${ERRORS} } }`,
  recordPayment: `mutation($input: RecordPaymentInput!, $key: String!) { recordPayment(input: $input, idempotencyKey: $key) {
    payment { id status amount { amount } invoice { status } } ${ERRORS} } }`,
  completeOnboarding: `mutation($id: ID!, $on: Date!) { completeOnboarding(contractId: $id, completedOn: $on) { contract { id } ${ERRORS} } }`,
  recognise: `mutation($period: String!) { runRevenueRecognition(legalEntityCode: "US01", period: $period) {
    journalEntries { entryDate lines { account { code } debit { amount } credit { amount } } } ${ERRORS} } }`,
  closePeriod: `mutation($period: String!) { closePeriod(legalEntityCode: "US01", period: $period) { period { period status } ${ERRORS} } }`,
  amend: `mutation($input: AmendContractInput!, $key: String) { amendContract(input: $input, idempotencyKey: $key) {
    contract { version } amendment { id version changes { productCode quantityBefore quantityAfter } } ${ERRORS} } }`,
  trialBalance: `query($asOf: Date!) { trialBalance(legalEntityCode: "US01", asOf: $asOf) { account { code } debit { amount } credit { amount } } }`,
  account: `query($id: ID!) { customer(id: $id) { balance { amount currency } invoices { number status amountDue { amount } } } }`,
  contract: `query($id: ID!) { contract(id: $id) {
    revenueSchedule { obligations { description allocatedPrice { amount } serviceStart serviceEnd recognizedToDate { amount } } }
    renewal { renewalDate currentArr { amount } riskLevel riskReasons } } }`,
  invoice: `query($id: ID!) { invoice(id: $id) { status amountDue { amount } } }`,
};

const cents = (amount: string) => BigInt(amount.replace('.', ''));
const sum = (values: string[]) => values.reduce((a, v) => a + cents(v), 0n);

describe('worked example: Acme, quote to cash to close', () => {
  let stack: TestStack;
  const correlationIds: string[] = [];
  /** One request as a role; each gets its own correlation id, kept for the audit check. */
  const call = async (role: Role, query: string, variables: Record<string, unknown> = {}, opts: { sub?: string; alsoRoles?: Role[] } = {}) => {
    const correlationId = `q2c-${randomUUID()}`;
    const res = await stack.as(role, opts).gql(query, variables, { 'x-correlation-id': correlationId });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    if (query.trimStart().startsWith('mutation')) correlationIds.push(correlationId);
    return res.data;
  };
  const trialBalance = async (asOf: string) => (await call('controller', Q.trialBalance, { asOf })).trialBalance as Array<{
    account: { code: string };
    debit: { amount: string };
    credit: { amount: string };
  }>;
  const balanced = async (asOf = '2026-12-31') => {
    const rows = await trialBalance(asOf);
    expect(sum(rows.map((r) => r.debit.amount))).toBe(sum(rows.map((r) => r.credit.amount)));
  };
  const recognised = (entries: Array<{ lines: Array<{ account: { code: string }; credit: { amount: string } }> }>, account: string) =>
    entries.flatMap((e) => e.lines).filter((l) => l.account.code === account && l.credit.amount !== '0.00').map((l) => l.credit.amount);

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  test('steps 1 to 12 come out to the cent', async () => {
    const rep = { sub: 'rep-anna', alsoRoles: ['sales_manager'] as Role[] };
    const acme = (
      await call('sales_rep', Q.createCustomer, { input: { name: 'Acme Analytics', currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' } }, rep)
    ).createCustomer.customer.id;
    await stack.settle();

    // 1. The quote needs a sales manager; accepting it before approval fails and creates nothing.
    const quote = (
      await call('sales_rep', Q.createQuote, {
        input: {
          customerId: acme, startDate: '2026-01-01', termMonths: 12, billingFrequency: 'MONTHLY',
          lines: [
            { productCode: 'PLATFORM', quantity: 1, discountPercent: '20' },
            { productCode: 'SEAT', quantity: 10 },
            { productCode: 'API_CALLS', quantity: 1 },
            { productCode: 'ONBOARDING', quantity: 1 },
          ],
        },
      }, rep)
    ).createQuote.quote;
    expect(quote.requiredApproval).toBe('SALES_MANAGER');
    expect(quote.lines.map((l: any) => [l.product.code, l.netUnitPrice.amount])).toEqual([
      ['PLATFORM', '1600.00'], ['SEAT', '50.00'], ['API_CALLS', '0.002'], ['ONBOARDING', '6000.00'],
    ]);
    const early = (await call('sales_rep', Q.acceptQuote, { id: quote.id }, rep)).acceptQuote;
    expect(early.contract).toBeNull();
    expect(early.userErrors).toHaveLength(1);
    expect(await stack.sql(`SELECT * FROM events.event_log WHERE type = 'ContractActivated'`)).toEqual([]);

    // 2. Submitted by the rep, who cannot approve it even holding sales_manager; another manager does.
    expect((await call('sales_rep', Q.submitQuote, { id: quote.id }, rep)).submitQuote.quote.status).toBe('PENDING_APPROVAL');
    const self = (await call('sales_manager', Q.approveQuote, { id: quote.id }, { sub: 'rep-anna', alsoRoles: ['sales_rep'] })).approveQuote;
    expect(self.userErrors[0].code).toMatch(/^POLICY_/);
    expect((await call('sales_manager', Q.approveQuote, { id: quote.id }, { sub: 'manager-ben' })).approveQuote.quote.status).toBe('APPROVED');
    const contract = (await call('sales_rep', Q.acceptQuote, { id: quote.id }, rep)).acceptQuote.contract;
    expect(contract).toMatchObject({ startDate: '2026-01-01', endDate: '2026-12-31', version: 1, status: 'ACTIVE' });
    await stack.settle();
    await balanced();

    // 3. Invoice 1.
    const [inv1] = (await call('billing_ops', Q.runBilling, { asOf: '2026-01-01' })).runBilling.invoices;
    expect(inv1.lines.map((l: any) => [l.kind, l.productCode, l.amount.amount])).toEqual([
      ['RECURRING', 'PLATFORM', '1600.00'], ['RECURRING', 'SEAT', '500.00'], ['ONE_TIME', 'ONBOARDING', '6000.00'],
    ]);
    expect(inv1).toMatchObject({ total: { amount: '8100.00' }, dueDate: '2026-01-31' });

    // 4. January usage, the second event sent twice.
    const usage = async (eventId: string, quantity: number, day: string) =>
      (await call('billing_ops', Q.recordUsage, { input: { contractId: contract.id, productCode: 'API_CALLS', quantity, occurredAt: `2026-01-${day}T12:00:00Z`, eventId } })).recordUsage;
    expect(await usage('u-1', 500_000, '05')).toMatchObject({ accepted: true, duplicate: false });
    expect(await usage('u-2', 500_000, '15')).toMatchObject({ accepted: true, duplicate: false });
    expect(await usage('u-3', 250_000, '25')).toMatchObject({ accepted: true, duplicate: false });
    expect(await usage('u-2', 500_000, '15')).toMatchObject({ accepted: false, duplicate: true });

    // 5. Payment in full, retried with the same key: one payment.
    const payment = { customerId: acme, invoiceId: inv1.id, amount: { amount: '8100.00', currency: 'USD' }, receivedAt: '2026-01-20T09:00:00Z', externalId: 'wire-1' };
    const paid = (await call('finance', Q.recordPayment, { input: payment, key: 'acme-jan' })).recordPayment;
    expect((await call('finance', Q.recordPayment, { input: payment, key: 'acme-jan' })).recordPayment).toEqual(paid);
    expect(paid.payment.invoice.status).toBe('PAID');
    expect((await call('finance', Q.account, { id: acme })).customer.balance).toEqual({ amount: '0.00', currency: 'USD' });

    // 6-7. Onboarding delivered; January recognition, trial balance, close.
    await call('cs_manager', Q.completeOnboarding, { id: contract.id, on: '2026-01-20' });
    await stack.settle();
    const jan = (await call('finance', Q.recognise, { period: '2026-01' })).runRevenueRecognition;
    expect(jan.userErrors).toEqual([]);
    expect(recognised(jan.journalEntries, '4000').sort()).toEqual(['1766.58', '441.64']);
    expect(recognised(jan.journalEntries, '4200')).toEqual(['5200.00']);
    const schedule = (await call('finance', Q.contract, { id: contract.id })).contract.revenueSchedule.obligations;
    expect(schedule.map((o: any) => o.allocatedPrice.amount)).toEqual(['20800.00', '5200.00', '5200.00']);
    const january = (await trialBalance('2026-01-31')).filter((r) => r.debit.amount !== '0.00' || r.credit.amount !== '0.00');
    expect(january.map((r) => [r.account.code, r.debit.amount, r.credit.amount])).toEqual([
      ['1000', '8100.00', '0.00'], ['2400', '0.00', '691.78'], ['4000', '0.00', '2208.22'], ['4200', '0.00', '5200.00'],
    ]);
    expect((await call('controller', Q.closePeriod, { period: '2026-01' })).closePeriod.period).toEqual({ period: '2026-01', status: 'CLOSED' });
    await balanced();

    // 8. Invoice 2 with January's usage in arrears.
    const [inv2] = (await call('billing_ops', Q.runBilling, { asOf: '2026-02-01' })).runBilling.invoices;
    expect(inv2.lines.map((l: any) => [l.kind, l.amount.amount])).toEqual([['RECURRING', '1600.00'], ['RECURRING', '500.00'], ['USAGE', '500.00']]);
    expect(inv2.total.amount).toBe('2600.00');

    // 9. A failed card payment reaches payment subscribers; the renewal names it; invoice 2 stays due.
    const payments = subscribe(
      wsClient(stack.gatewayUrl, await stack.as('finance').token()),
      `subscription($c: ID) { paymentEvents(customerId: $c) { type payment { status failureReason } customer { name } invoice { number amountDue { amount } } } }`,
      { c: acme },
    );
    await new Promise((r) => setTimeout(r, 300));
    await call('finance', Q.recordPayment, {
      input: { customerId: acme, invoiceId: inv2.id, amount: { amount: '2600.00', currency: 'USD' }, receivedAt: '2026-02-10T09:00:00Z', externalId: 'card-2', status: 'FAILED', failureReason: 'card_declined' },
      key: 'acme-feb',
    });
    const [failedEvent] = await payments.waitFor(1);
    expect(failedEvent.paymentEvents).toMatchObject({
      type: 'FAILED',
      payment: { status: 'FAILED', failureReason: 'card_declined' },
      customer: { name: 'Acme Analytics' },
      invoice: { number: inv2.number, amountDue: { amount: '2600.00' } },
    });
    payments.stop();
    await stack.settle();
    expect((await call('finance', Q.invoice, { id: inv2.id })).invoice).toEqual({ status: 'POSTED', amountDue: { amount: '2600.00' } });
    const renewal = (await call('cs_manager', Q.contract, { id: contract.id })).contract.renewal;
    expect(renewal.riskReasons.join(' ')).toContain('Payment failed on 2026-02-10: card_declined');

    // 10. February recognition.
    const feb = (await call('finance', Q.recognise, { period: '2026-02' })).runRevenueRecognition;
    expect(recognised(feb.journalEntries, '4000').sort()).toEqual(['1595.61', '398.91']);

    // 11. SEAT 10 → 15 from 2026-03-16: version 2, an event for subscribers, the proration, the new obligation.
    expect(renewal).toMatchObject({ renewalDate: '2027-01-01', currentArr: { amount: '25200.00' } });
    const amendments = subscribe(
      wsClient(stack.gatewayUrl, await stack.as('sales_manager').token()),
      `subscription($id: ID) { amendmentEvents(contractId: $id) { type contract { version lines { product { code } quantity } customer { name } } amendment { version } } }`,
      { id: contract.id },
    );
    await new Promise((r) => setTimeout(r, 300));
    const amended = (await call('sales_rep', Q.amend, { input: { contractId: contract.id, effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }] }, key: 'seats-15' }, rep)).amendContract;
    expect(amended.contract.version).toBe(2);
    expect(amended.amendment.changes).toEqual([{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 15 }]);
    const [amendmentEvent] = await amendments.waitFor(1);
    expect(amendmentEvent.amendmentEvents).toMatchObject({ contract: { version: 2, customer: { name: 'Acme Analytics' } }, amendment: { version: 2 } });
    amendments.stop();
    await stack.settle();
    const march = (await call('billing_ops', Q.runBilling, { asOf: '2026-03-16' })).runBilling.invoices;
    const proration = march.flatMap((i: any) => i.lines).filter((l: any) => l.kind === 'PRORATION');
    expect(proration.map((l: any) => [l.productCode, l.amount.amount, l.periodStart, l.periodEnd])).toEqual([['SEAT', '129.03', '2026-03-16', '2026-03-31']]);
    await stack.settle();
    const marchRecognition = (await call('finance', Q.recognise, { period: '2026-03' })).runRevenueRecognition;
    const obligations = (await call('finance', Q.contract, { id: contract.id })).contract.revenueSchedule.obligations;
    const added = obligations.find((o: any) => o.serviceStart === '2026-03-16');
    expect(added).toMatchObject({ allocatedPrice: { amount: '2379.03' }, serviceEnd: '2026-12-31', recognizedToDate: { amount: '130.81' } });
    expect(recognised(marchRecognition.journalEntries, '4000')).toContain('130.81');

    // 12. April at 15 seats; the renewal's ARR follows the amendment.
    const [april] = (await call('billing_ops', Q.runBilling, { asOf: '2026-04-01' })).runBilling.invoices;
    expect(april.lines.map((l: any) => [l.kind, l.productCode, l.amount.amount])).toEqual([['RECURRING', 'PLATFORM', '1600.00'], ['RECURRING', 'SEAT', '750.00']]);
    expect(april.total.amount).toBe('2350.00');
    await stack.settle();
    expect((await call('cs_manager', Q.contract, { id: contract.id })).contract.renewal).toMatchObject({ renewalDate: '2027-01-01', currentArr: { amount: '28200.00' } });

    // Nothing posts into closed January; the books balance; every request is on the audit trail.
    const lateJanuary = (await call('finance', Q.recognise, { period: '2026-01' })).runRevenueRecognition;
    expect(lateJanuary.userErrors[0].code).toMatch(/CLOSED/);
    expect((await trialBalance('2026-01-31')).filter((r) => r.account.code === '2400')[0].credit.amount).toBe('691.78');
    await balanced();
    const audited = await stack.sql<{ correlation_id: string }>(`SELECT DISTINCT correlation_id FROM ops.audit_record WHERE correlation_id = ANY($1)`, [correlationIds]);
    expect(audited.map((r) => r.correlation_id).sort()).toEqual([...new Set(correlationIds)].sort());
    expect(await stack.sql(`SELECT service, event_type, last_error FROM ops.dead_letter`)).toEqual([]);
  }, 180_000);
});
