import { startTestStack, type TestStack } from '@rg/testkit';
import {
  ACCOUNT,
  amend,
  billingFootprint,
  billingOps,
  CANCEL_CONTRACT,
  finance,
  lineSummary,
  newContract,
  newCustomer,
  RECORD_USAGE,
  RUN_BILLING,
  runBilling,
  VOID_INVOICE,
} from './support';

/** Billing runs through the gateway: idempotency, concurrency, frequencies, amendments, currencies, voids. */
describe('billing runs', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract', 'billing'] });
  });
  afterAll(() => stack?.stop());

  const invoicesOf = (run: { invoices: any[] }, contractId: string) => run.invoices.filter((i) => i.contract.id === contractId);
  const usage = (contractId: string, eventId: string, quantity: number, occurredAt: string) =>
    billingOps(stack).gql(RECORD_USAGE, { input: { contractId, productCode: 'API_CALLS', quantity, occurredAt, eventId } });

  test('a second run for the same date issues nothing and changes nothing', async () => {
    const customer = await newCustomer(stack, { name: 'Twice Co' });
    const contract = await newContract(stack, customer);
    expect(invoicesOf(await runBilling(stack, '2026-01-01'), contract.id)).toHaveLength(1);
    const before = await billingFootprint(stack);
    const again = await runBilling(stack, '2026-01-01');
    expect(again).toEqual({ invoices: [], userErrors: [] });
    expect(await billingFootprint(stack)).toEqual(before);
  });

  test('two concurrent runs issue each invoice once, with gapless numbers', async () => {
    const contracts = [];
    for (const name of ['Race A', 'Race B', 'Race C']) contracts.push(await newContract(stack, await newCustomer(stack, { name })));
    const ops = billingOps(stack);
    const [a, b] = await Promise.all([ops.gql(RUN_BILLING, { asOf: '2026-02-01' }), ops.gql(RUN_BILLING, { asOf: '2026-02-01' })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const issued = [...a.data.runBilling.invoices, ...b.data.runBilling.invoices];
    for (const c of contracts) {
      // Each new contract gets one catch-up invoice for January and February, from one of the runs.
      expect(issued.filter((i) => i.contract.id === c.id)).toHaveLength(1);
      const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM billing.invoice WHERE contract_id = $1`, [c.id]);
      expect(n).toBe(1);
    }
    const [{ periods, distinct }] = await stack.sql(
      `SELECT count(*)::int AS periods, count(DISTINCT (contract_id, product_code, item_key))::int AS distinct FROM billing.billed_item`,
    );
    expect(periods).toBe(distinct);
    const numbers = (await stack.sql(`SELECT number FROM billing.invoice WHERE legal_entity_code = 'US01' ORDER BY number`)).map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_, i) => `US01-2026-${String(i + 1).padStart(6, '0')}`));
  });

  test('the database refuses to bill a period twice, whatever the code does', async () => {
    const [item] = await stack.sql(`SELECT * FROM billing.billed_item WHERE item_key LIKE 'period:%' LIMIT 1`);
    await expect(
      stack.sql(
        `INSERT INTO billing.billed_item (contract_id, product_code, item_key, invoice_id, quantity, amount_minor, billed_on)
         VALUES ($1, $2, $3, NULL, 1, 1, '2026-01-01')`,
        [item.contract_id, item.product_code, item.item_key],
      ),
    ).rejects.toThrow(/billed_item_once/);
  });

  test('a quarterly contract bills quarters in advance and usage monthly on usage-only invoices', async () => {
    const customer = await newCustomer(stack, { name: 'Quarterly Ltd', taxRegion: 'US-NY' });
    const contract = await newContract(stack, customer, { startDate: '2026-01-01', billingFrequency: 'QUARTERLY' });
    const q1 = invoicesOf(await runBilling(stack, '2026-02-01'), contract.id);
    expect(q1).toHaveLength(1);
    expect(lineSummary(q1[0])).toEqual([
      ['RECURRING', 'PLATFORM', '1', '4800.00'],
      ['RECURRING', 'SEAT', '10', '1500.00'],
      ['ONE_TIME', 'ONBOARDING', '1', '6000.00'],
    ]);
    expect(q1[0].lines[0]).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-03-31' });
    // US-NY 8.875% per line: 426.00 + 133.125 -> 133.13 + 532.50
    expect(q1[0].lines.map((l: any) => l.tax.amount)).toEqual(['426.00', '133.13', '532.50']);
    expect(q1[0]).toMatchObject({ subtotal: { amount: '12300.00' }, tax: { amount: '1091.63' }, total: { amount: '13391.63' } });

    await usage(contract.id, 'q-feb-1', 1_100_000, '2026-02-14T08:00:00Z');
    const march = invoicesOf(await runBilling(stack, '2026-03-01'), contract.id);
    expect(march).toHaveLength(1);
    expect(lineSummary(march[0])).toEqual([['USAGE', 'API_CALLS', '100000', '200.00']]);
    expect(march[0].tax.amount).toBe('17.75');
    const april = invoicesOf(await runBilling(stack, '2026-04-01'), contract.id);
    expect(lineSummary(april[0])).toEqual([
      ['RECURRING', 'PLATFORM', '1', '4800.00'],
      ['RECURRING', 'SEAT', '10', '1500.00'],
    ]);
  });

  test('an annual contract bills the year in advance and nothing more until the next year', async () => {
    const customer = await newCustomer(stack, { name: 'Annual Inc' });
    const lines = [{ productCode: 'PLATFORM', quantity: 1 }, { productCode: 'SEAT', quantity: 4 }];
    const contract = await newContract(stack, customer, { startDate: '2026-06-01', termMonths: 24, billingFrequency: 'ANNUAL', lines });
    const year1 = invoicesOf(await runBilling(stack, '2026-06-01'), contract.id);
    expect(lineSummary(year1[0])).toEqual([
      ['RECURRING', 'PLATFORM', '1', '24000.00'],
      ['RECURRING', 'SEAT', '4', '2400.00'],
    ]);
    expect(year1[0].lines[0]).toMatchObject({ periodStart: '2026-06-01', periodEnd: '2027-05-31' });
    expect(invoicesOf(await runBilling(stack, '2026-12-01'), contract.id)).toEqual([]);
  });

  test('a seat decrease credits the rest of the period and bills fewer seats after', async () => {
    const customer = await newCustomer(stack, { name: 'Shrink GmbH' });
    const contract = await newContract(stack, customer, { startDate: '2026-05-01', lines: [{ productCode: 'SEAT', quantity: 10 }] });
    await runBilling(stack, '2026-05-01');
    await amend(stack, contract.id, '2026-05-11', [{ productCode: 'SEAT', quantity: 4 }]);
    const credit = invoicesOf(await runBilling(stack, '2026-05-11'), contract.id);
    // -6 x 50.00 x 21/31 = -203.225… -> -203.23
    expect(lineSummary(credit[0])).toEqual([['PRORATION', 'SEAT', '-6', '-203.23']]);
    expect(credit[0]).toMatchObject({ status: 'PAID', total: { amount: '-203.23' }, amountDue: { amount: '0.00' } });
    const june = invoicesOf(await runBilling(stack, '2026-06-01'), contract.id);
    expect(lineSummary(june[0])).toEqual([['RECURRING', 'SEAT', '4', '200.00']]);
    // The credit of May is consumed by June's invoice.
    expect(june[0]).toMatchObject({ creditApplied: { amount: '200.00' }, amountDue: { amount: '0.00' }, status: 'PAID' });
    const acct = (await finance(stack).gql(ACCOUNT, { id: customer })).data.customer;
    expect(acct.credit).toEqual({ amount: '3.23', currency: 'USD' });
    // The credit invoice cannot be voided once June has used its credit.
    const voided = await billingOps(stack).gql(VOID_INVOICE, { id: credit[0].id, reason: 'wrong date' });
    expect(voided.data.voidInvoice).toEqual({ invoice: null, userErrors: [{ code: 'INVOICE_CREDIT_USED', message: expect.any(String), field: ['invoiceId'] }] });
  });

  test('a cancellation credits the unused remainder and stops billing', async () => {
    const customer = await newCustomer(stack, { name: 'Leaving LLC' });
    const contract = await newContract(stack, customer, { startDate: '2026-07-01', lines: [{ productCode: 'PLATFORM', quantity: 1 }, { productCode: 'SEAT', quantity: 10 }] });
    await runBilling(stack, '2026-07-01');
    const cancelled = await stack.as('finance').gql(CANCEL_CONTRACT, { id: contract.id, date: '2026-07-16', reason: 'budget cut' });
    expect(cancelled.data.cancelContract.userErrors).toEqual([]);
    await stack.settle();
    const credit = invoicesOf(await runBilling(stack, '2026-07-16'), contract.id);
    // PLATFORM -2,000.00 x 16/31 = -1,032.258…, SEAT -500.00 x 16/31 = -258.064…
    expect(lineSummary(credit[0])).toEqual([
      ['PRORATION', 'PLATFORM', '-1', '-1032.26'],
      ['PRORATION', 'SEAT', '-10', '-258.06'],
    ]);
    expect(invoicesOf(await runBilling(stack, '2026-08-01'), contract.id)).toEqual([]);
  });

  test('a leap-year February prorates by 29 days', async () => {
    const customer = await newCustomer(stack, { name: 'Leap Year Ltd' });
    const contract = await newContract(stack, customer, { startDate: '2028-01-01', lines: [{ productCode: 'SEAT', quantity: 10 }] });
    await runBilling(stack, '2028-02-01');
    await amend(stack, contract.id, '2028-02-15', [{ productCode: 'SEAT', quantity: 15 }]);
    const feb = invoicesOf(await runBilling(stack, '2028-02-15'), contract.id);
    // 5 x 50.00 x 15/29 = 129.310…
    expect(lineSummary(feb[0])).toEqual([['PRORATION', 'SEAT', '5', '129.31']]);
    expect(feb[0].lines[0]).toMatchObject({ periodStart: '2028-02-15', periodEnd: '2028-02-29' });
    expect(feb[0].number).toMatch(/^US01-2028-\d{6}$/);
  });

  test('late usage for a billed month is billed on the next invoice as a correction', async () => {
    const customer = await newCustomer(stack, { name: 'Late Meter Co' });
    const contract = await newContract(stack, customer, { startDate: '2026-09-01' });
    await usage(contract.id, 'late-sep-1', 1_200_000, '2026-09-10T00:00:00Z');
    await runBilling(stack, '2026-09-01');
    const oct = invoicesOf(await runBilling(stack, '2026-10-01'), contract.id);
    expect(lineSummary(oct[0]).filter(([kind]) => kind === 'USAGE')).toEqual([['USAGE', 'API_CALLS', '200000', '400.00']]);
    // 300,000 September calls arrive after September was billed.
    expect((await usage(contract.id, 'late-sep-2', 300_000, '2026-09-29T23:00:00Z')).data.recordUsage.accepted).toBe(true);
    const nov = invoicesOf(await runBilling(stack, '2026-11-01'), contract.id);
    const usageLines = nov[0].lines.filter((l: any) => l.kind === 'USAGE');
    expect(usageLines).toHaveLength(1);
    expect(usageLines[0]).toMatchObject({ quantity: '300000', amount: { amount: '600.00' }, periodStart: '2026-09-01', periodEnd: '2026-09-30' });
    expect(usageLines[0].description).toMatch(/correction/);
    const summaries = await stack.sql(
      `SELECT payload->>'month' AS month, payload->>'quantity' AS quantity FROM events.event_log
        WHERE type = 'UsageSummarized' AND aggregate_id = $1 ORDER BY position`,
      [contract.id],
    );
    expect(summaries).toEqual([
      { month: '2026-09', quantity: '1200000' },
      // The November run summarizes September again (with the late calls) and October.
      { month: '2026-09', quantity: '1500000' },
      { month: '2026-10', quantity: '0' },
    ]);
  });

  test('a EUR customer of DE01 is billed from the EUR prices with 19% tax', async () => {
    const customer = await newCustomer(stack, { name: 'Globex GmbH', currency: 'EUR', taxRegion: 'DE', legalEntityCode: 'DE01' });
    const contract = await newContract(stack, customer, { startDate: '2026-01-01' });
    const [inv] = invoicesOf(await runBilling(stack, '2026-01-01'), contract.id);
    expect(inv.number).toBe('DE01-2026-000001');
    expect(lineSummary(inv)).toEqual([
      ['RECURRING', 'PLATFORM', '1', '1440.00'],
      ['RECURRING', 'SEAT', '10', '450.00'],
      ['ONE_TIME', 'ONBOARDING', '1', '5400.00'],
    ]);
    expect(inv.lines.map((l: any) => l.tax)).toEqual([
      { amount: '273.60', currency: 'EUR' },
      { amount: '85.50', currency: 'EUR' },
      { amount: '1026.00', currency: 'EUR' },
    ]);
    expect(inv).toMatchObject({ subtotal: { amount: '7290.00', currency: 'EUR' }, tax: { amount: '1385.10' }, total: { amount: '8675.10', currency: 'EUR' } });
    // 333 calls over the tier at 0.0018 = 0.5994 -> 0.60, tax 0.114 -> 0.11
    await usage(contract.id, 'eur-jan-1', 1_000_333, '2026-01-31T23:59:59Z');
    const [feb] = invoicesOf(await runBilling(stack, '2026-02-01'), contract.id);
    expect(feb.lines.find((l: any) => l.kind === 'USAGE')).toMatchObject({ quantity: '333', amount: { amount: '0.60', currency: 'EUR' }, tax: { amount: '0.11' } });
  });

  test('a void invoice frees its periods, which the next run bills again', async () => {
    const customer = await newCustomer(stack, { name: 'Redo Corp' });
    const contract = await newContract(stack, customer, { startDate: '2026-12-01', lines: [{ productCode: 'SEAT', quantity: 3 }] });
    const [first] = invoicesOf(await runBilling(stack, '2026-12-01'), contract.id);
    const voided = await billingOps(stack).gql(VOID_INVOICE, { id: first.id, reason: 'wrong seat count', on: '2026-12-02' });
    expect(voided.data.voidInvoice).toEqual({ invoice: { id: first.id, status: 'VOID', voidReason: 'wrong seat count', amountDue: { amount: '0.00' } }, userErrors: [] });
    const [event] = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'InvoiceVoided' AND aggregate_id = $1`, [first.id]);
    expect(event.payload).toMatchObject({ number: first.number, reason: 'wrong seat count', voidedOn: '2026-12-02', totalMinor: '15000' });
    const audit = await stack.sql(`SELECT reason, before, after FROM ops.audit_record WHERE action = 'voidInvoice' AND entity_id = $1 AND before IS NOT NULL`, [first.id]);
    expect(audit).toEqual([{ reason: 'wrong seat count', before: { status: 'POSTED', number: first.number }, after: { status: 'VOID', voidedOn: '2026-12-02' } }]);
    const [again] = invoicesOf(await runBilling(stack, '2026-12-02'), contract.id);
    expect(lineSummary(again)).toEqual([['RECURRING', 'SEAT', '3', '150.00']]);
    expect(again.number).not.toBe(first.number);
    const acct = (await finance(stack).gql(ACCOUNT, { id: customer })).data.customer;
    expect(acct.balance.amount).toBe('150.00');
  });

  test('contract events delivered again under new event ids change nothing', async () => {
    const copy = async () =>
      stack.sql(`SELECT
        (SELECT string_agg(contract_id || version || coalesce(cancelled_from::text, '') || end_date, ',' ORDER BY contract_id) FROM billing.subscription) AS subscriptions,
        (SELECT string_agg(contract_id || product_code || initial_quantity || ':' || quantity, ',' ORDER BY contract_id, product_code) FROM billing.subscription_line) AS lines,
        (SELECT string_agg(amendment_id || product_code || quantity_before || ':' || quantity_after, ',' ORDER BY amendment_id, product_code) FROM billing.term_change) AS changes,
        (SELECT string_agg(id || tax_region || currency || credit_minor, ',' ORDER BY id) FROM billing.customer_account) AS accounts`);
    const before = await copy();
    const [{ n }] = await stack.sql(
      `WITH replayed AS (
         INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, occurred_at, payload)
         SELECT gen_random_uuid(), type, version, producer, aggregate_type, aggregate_id, 'replayed', occurred_at, payload
           FROM events.event_log WHERE type IN ('CustomerCreated', 'ContractActivated', 'ContractAmended', 'ContractCancelled')
         RETURNING 1)
       SELECT count(*)::int AS n FROM replayed`,
    );
    expect(n).toBeGreaterThan(20);
    await stack.settle();
    expect(await copy()).toEqual(before);
    // Everything was billed through 2026-12-02 by the tests above; replayed amendments add nothing.
    expect(await runBilling(stack, '2026-12-02')).toEqual({ invoices: [], userErrors: [] });
  });

  test('the billing fields of a customer list cost the same SQL statements for 2 customers as for all', async () => {
    const fields = `id invoices { number lines { kind amount { amount } } payments { id invoice { number } } contract { invoices { number } } }
      balance { amount } credit { amount } payments { invoice { id } }
      collections(asOf: "2026-12-31") { bucket oldestOverdueInvoice { number lines { kind } } }`;
    const billing = stack.subgraphs.billing!;
    // The consumer polls the log on the same pool; stop it so only the query is counted.
    await billing.consumer?.stop();
    const statementsFor = async (first: number) => {
      const before = billing.statements.count;
      const res = await finance(stack).gql(`query($first: Int) { customers(first: $first) { nodes { ${fields} } } }`, { first });
      expect(res.errors).toBeUndefined();
      return { customers: res.data.customers.nodes.length, statements: billing.statements.count - before };
    };
    const two = await statementsFor(2);
    const all = await statementsFor(200);
    expect(two.customers).toBe(2);
    expect(all.customers).toBeGreaterThan(10);
    expect(all.statements).toBe(two.statements);
  });
});
