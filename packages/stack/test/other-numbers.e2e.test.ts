import { startTestStack, type TestStack } from '@rg/testkit';

/**
 * The worked example's conventions with other numbers: a EUR customer of DE01 with 19% tax, a
 * contract starting mid-month, billed quarterly, whose quote needs no approval. Figures worked
 * by hand from shared/scenarios/quote-to-cash.md.
 */
describe('other numbers: Globex, EUR, quarterly from 2026-02-15', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  const ok = (res: { data?: any; errors?: unknown }) => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  test('invoice, tax, allocation, recognition, trial balance and renewal', async () => {
    const rep = stack.as('sales_rep');
    const globex = ok(
      await rep.gql(`mutation { createCustomer(input: { name: "Globex GmbH", currency: "EUR", taxRegion: "DE", legalEntityCode: "DE01" }) { customer { id } } }`),
    ).createCustomer.customer.id;
    await stack.settle();
    const quote = ok(
      await rep.gql(
        `mutation($c: ID!) { createQuote(input: { customerId: $c, startDate: "2026-02-15", termMonths: 12, billingFrequency: QUARTERLY,
          lines: [{ productCode: "PLATFORM", quantity: 1, discountPercent: "10" }, { productCode: "SEAT", quantity: 25 }, { productCode: "ONBOARDING", quantity: 1 }] })
          { quote { id requiredApproval lines { netUnitPrice { amount currency } } } userErrors { code } } }`,
        { c: globex },
      ),
    ).createQuote.quote;
    expect(quote.requiredApproval).toBe('NONE');
    expect(quote.lines.map((l: any) => l.netUnitPrice)).toEqual([
      { amount: '1620.00', currency: 'EUR' },
      { amount: '45.00', currency: 'EUR' },
      { amount: '5400.00', currency: 'EUR' },
    ]);
    const contract = ok(await rep.gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { contract { id endDate } userErrors { code } } }`, { q: quote.id }))
      .acceptQuote.contract;
    expect(contract.endDate).toBe('2027-02-14');
    const statuses = ok(await rep.gql(`query($id: ID!) { contract(id: $id) { now: status last: status(asOf: "2027-02-14") after: status(asOf: "2027-02-15") } }`, { id: contract.id }));
    expect(statuses.contract).toEqual({ now: 'ACTIVE', last: 'ACTIVE', after: 'EXPIRED' });
    await stack.settle();

    // Nothing is due before the start date; on it, the first quarter in advance plus onboarding.
    expect(ok(await stack.as('billing_ops').gql(`mutation { runBilling(asOf: "2026-02-14") { invoices { id } } }`)).runBilling.invoices).toEqual([]);
    const [invoice] = ok(
      await stack.as('billing_ops').gql(`mutation { runBilling(asOf: "2026-02-15") { invoices { number dueDate
        lines { productCode periodStart periodEnd amount { amount } tax { amount } } subtotal { amount } tax { amount } total { amount currency } } } }`),
    ).runBilling.invoices;
    expect(invoice).toMatchObject({ number: 'DE01-2026-000001', dueDate: '2026-03-17' });
    expect(invoice.lines.map((l: any) => [l.productCode, l.periodStart, l.periodEnd, l.amount.amount, l.tax.amount])).toEqual([
      ['PLATFORM', '2026-02-15', '2026-05-14', '4860.00', '923.40'],
      ['SEAT', '2026-02-15', '2026-05-14', '3375.00', '641.25'],
      ['ONBOARDING', null, null, '5400.00', '1026.00'],
    ]);
    expect([invoice.subtotal.amount, invoice.tax.amount, invoice.total]).toEqual(['13635.00', '2590.65', { amount: '16225.65', currency: 'EUR' }]);
    await stack.settle();

    // Allocation of the 38,340.00 fixed price by SSP 21,600 / 13,500 / 5,400; February's 14 of 365 days.
    const feb = ok(await stack.as('finance').gql(`mutation { runRevenueRecognition(legalEntityCode: "DE01", period: "2026-02") {
      journalEntries { entryDate lines { account { code } credit { amount currency } } } userErrors { code } } }`)).runRevenueRecognition;
    expect(feb.userErrors).toEqual([]);
    const credits = feb.journalEntries.flatMap((e: any) => e.lines).filter((l: any) => l.credit.amount !== '0.00');
    expect(credits.map((l: any) => [l.account.code, l.credit.amount, l.credit.currency]).sort()).toEqual([
      ['4000', '490.19', 'EUR'],
      ['4000', '784.31', 'EUR'],
    ]);
    expect(feb.journalEntries[0].entryDate).toBe('2026-02-28');
    const schedule = ok(await stack.as('finance').gql(`query($id: ID!) { contract(id: $id) { revenueSchedule { obligations { allocatedPrice { amount currency } serviceStart serviceEnd } }
      renewal { renewalDate currentArr { amount currency } } } }`, { id: contract.id })).contract;
    expect(schedule.revenueSchedule.obligations.map((o: any) => o.allocatedPrice.amount)).toEqual(['20448.00', '12780.00', '5112.00']);
    expect(schedule.revenueSchedule.obligations[0]).toMatchObject({ serviceStart: '2026-02-15', serviceEnd: '2027-02-14' });
    expect(schedule.renewal).toEqual({ renewalDate: '2027-02-15', currentArr: { amount: '32940.00', currency: 'EUR' } });

    const rows = ok(await stack.as('auditor').gql(`{ trialBalance(legalEntityCode: "DE01", asOf: "2026-02-28") { account { code } debit { amount currency } credit { amount } } }`))
      .trialBalance.filter((r: any) => r.debit.amount !== '0.00' || r.credit.amount !== '0.00');
    expect(rows.map((r: any) => [r.account.code, r.debit.amount, r.credit.amount, r.debit.currency])).toEqual([
      ['1100', '16225.65', '0.00', 'EUR'],
      ['2100', '0.00', '2590.65', 'EUR'],
      ['2400', '0.00', '12360.50', 'EUR'],
      ['4000', '0.00', '1274.50', 'EUR'],
    ]);
    // US01 saw nothing of it.
    const us = ok(await stack.as('auditor').gql(`{ trialBalance(legalEntityCode: "US01", asOf: "2026-12-31") { debit { amount } credit { amount } } }`)).trialBalance;
    expect(us.every((r: any) => r.debit.amount === '0.00' && r.credit.amount === '0.00')).toBe(true);
  });
});
