import { startTestStack, type TestStack } from '@rg/testkit';
import {
  acmeContract, AMEND_CONTRACT, AR_RECONCILIATION, CLOSE_PERIOD, COMPLETE_ONBOARDING, describeLines, describeTrialBalance, ok,
  RUN_RECOGNITION, TRIAL_BALANCE,
} from './support';

const RUN_BILLING = `mutation($asOf: Date!) { runBilling(asOf: $asOf) { invoices { id number total { amount } } userErrors { code } } }`;
const RECORD_USAGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { accepted duplicate userErrors { code } } }`;
const RECORD_PAYMENT = `mutation($input: RecordPaymentInput!, $key: String!) { recordPayment(input: $input, idempotencyKey: $key) { payment { id } userErrors { code } } }`;
const INVOICE_ENTRIES = `query($id: ID!) { contract(id: $id) { invoices { number journalEntries { purpose entryDate
  lines { account { code } debit { amount } credit { amount } } } } } }`;

/** The journal as comparable facts: what was booked, when and why, without generated ids. */
const JOURNAL = `SELECT e.entry_date::text, e.purpose, e.description, e.source_event_id, e.note,
    json_agg(json_build_object('account', l.account_code, 'currency', l.currency, 'debit', l.debit::text, 'credit', l.credit::text,
      'invoice', l.invoice_id, 'obligation', l.obligation_id, 'memo', l.memo) ORDER BY l.line_no) AS lines
  FROM ledger.journal_entry e JOIN ledger.journal_line l ON l.entry_id = e.id
 GROUP BY e.id ORDER BY e.entry_date, e.purpose, e.source_event_id NULLS LAST`;

/**
 * The ledger side of the worked example with every other subgraph doing its part: contract,
 * billing and payments through their real mutations, the ledger learning it all from events.
 */
describe('end to end: quote to cash to close, booked by the ledger', () => {
  let stack: TestStack;
  let acme: { customerId: string; contractId: string };
  const finance = () => stack.as('finance');
  const ops = () => stack.as('billing_ops');
  const billing = async (asOf: string) => ok<any>(await ops().gql(RUN_BILLING, { asOf }), 'runBilling');
  const recognise = async (period: string) => ok<any>(await finance().gql(RUN_RECOGNITION, { le: 'US01', period }), 'runRevenueRecognition');
  const trialBalance = async (asOf: string) => describeTrialBalance((await finance().gql(TRIAL_BALANCE, { le: 'US01', asOf })).data.trialBalance);

  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract', 'billing', 'ledger'] });
    acme = await acmeContract(stack);
  });
  afterAll(() => stack?.stop());

  test('January to March come out to the cent, and January closes', async () => {
    const [inv1] = (await billing('2026-01-01')).invoices;
    expect(inv1.total.amount).toBe('8100.00');
    for (const [eventId, quantity, day] of [['e1', 500_000, '10'], ['e2', 500_000, '20'], ['e2', 500_000, '20'], ['e3', 250_000, '30']] as const) {
      await ops().gql(RECORD_USAGE, { input: { contractId: acme.contractId, productCode: 'API_CALLS', quantity, occurredAt: `2026-01-${day}T12:00:00Z`, eventId } });
    }
    ok(await finance().gql(RECORD_PAYMENT, {
      input: { customerId: acme.customerId, invoiceId: inv1.id, amount: { amount: '8100.00', currency: 'USD' }, receivedAt: '2026-01-20T10:00:00Z', externalId: 'wire-1' },
      key: 'acme-pay-1',
    }), 'recordPayment');
    ok(await stack.as('cs_manager').gql(COMPLETE_ONBOARDING, { id: acme.contractId, on: '2026-01-20' }), 'completeOnboarding');
    await stack.settle();

    const jan = await recognise('2026-01');
    expect(describeLines(jan.journalEntries[0])).toEqual(['Dr 2400 1766.58', 'Cr 4000 1766.58', 'Dr 2400 441.64', 'Cr 4000 441.64', 'Dr 2400 5200.00', 'Cr 4200 5200.00']);
    expect(await trialBalance('2026-01-31')).toEqual(['1000 Dr 8100.00', '1100 Dr 0.00', '2400 Cr 691.78', '4000 Cr 2208.22', '4200 Cr 5200.00']);
    expect(ok<any>(await stack.as('controller').gql(CLOSE_PERIOD, { le: 'US01', period: '2026-01' }), 'closePeriod').period.status).toBe('CLOSED');

    const [inv2] = (await billing('2026-02-01')).invoices;
    expect(inv2.total.amount).toBe('2600.00');
    await stack.settle();
    const feb = await recognise('2026-02');
    expect(describeLines(feb.journalEntries[0])).toEqual(['Dr 2400 1595.61', 'Cr 4000 1595.61', 'Dr 2400 398.91', 'Cr 4000 398.91']);

    ok(await stack.as('sales_manager').gql(AMEND_CONTRACT, {
      input: { contractId: acme.contractId, effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }] },
      key: 'acme-seats-15',
    }), 'amendContract');
    const [inv3] = (await billing('2026-03-01')).invoices;
    expect(inv3.total.amount).toBe('2100.00');
    await stack.settle();
    const [inv4] = (await billing('2026-03-16')).invoices;
    expect(inv4.total.amount).toBe('129.03');
    await stack.settle();
    const mar = await recognise('2026-03');
    expect(describeLines(mar.journalEntries[0]).slice(-2)).toEqual(['Dr 2400 130.81', 'Cr 4000 130.81']);

    // Every invoice's entries, read through the contract's invoices (billing) and the ledger.
    const invoices = (await finance().gql(INVOICE_ENTRIES, { id: acme.contractId })).data.contract.invoices;
    const byNumber = Object.fromEntries(invoices.map((i: any) => [i.number, i.journalEntries.map((e: any) => [e.purpose, e.entryDate, describeLines(e)])]));
    expect(byNumber[inv1.number]).toEqual([
      ['InvoicePosted', '2026-01-01', ['Dr 1100 8100.00', 'Cr 2400 2100.00', 'Cr 2400 6000.00']],
      ['PaymentSettled', '2026-01-20', ['Dr 1000 8100.00', 'Cr 1100 8100.00']],
    ]);
    expect(byNumber[inv2.number]).toEqual([['InvoicePosted', '2026-02-01', ['Dr 1100 2600.00', 'Cr 2400 2100.00', 'Cr 4100 500.00']]]);
    expect(byNumber[inv3.number]).toEqual([['InvoicePosted', '2026-03-01', ['Dr 1100 2100.00', 'Cr 2400 2100.00']]]);
    expect(byNumber[inv4.number]).toEqual([['InvoicePosted', '2026-03-16', ['Dr 1100 129.03', 'Cr 2400 129.03']]]);

    // GL receivables agree with billing's: invoices 2, 3 and 4 are open.
    const [ar] = (await finance().gql(AR_RECONCILIATION, { le: 'US01', asOf: '2026-03-31' })).data.arReconciliation;
    expect([ar.subledgerOpen.amount, ar.glBalance.amount, ar.difference.amount, ar.differences]).toEqual(['4829.03', '4829.03', '0.00', []]);
    expect(ar.openInvoices.map((i: any) => [i.invoiceNumber, i.subledgerOpen.amount])).toEqual([
      [inv2.number, '2600.00'],
      [inv3.number, '2100.00'],
      [inv4.number, '129.03'],
    ]);
  });

  test('Invoice.journalEntries is batched: one statement for the entries of all invoices, one for their lines', async () => {
    const ledger = stack.subgraphs.ledger!;
    await ledger.consumer!.stop(); // its polling would count too; nothing is left to consume
    const before = ledger.statements.count;
    const res = await finance().gql(INVOICE_ENTRIES, { id: acme.contractId });
    expect(res.data.contract.invoices).toHaveLength(4);
    expect(ledger.statements.count - before).toBe(2);
  });

  test('replaying every event into an empty ledger reproduces the same journal, entry for entry', async () => {
    const replay = await startTestStack({ services: ['ledger'] });
    try {
      const events = await stack.sql(`SELECT * FROM events.event_log ORDER BY position`);
      for (const e of events) {
        await replay.sql(
          `INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, causation_id, occurred_at, payload)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [e.id, e.type, e.version, e.producer, e.aggregate_type, e.aggregate_id, e.correlation_id, e.causation_id, e.occurred_at, JSON.stringify(e.payload)],
        );
      }
      await replay.settle();
      for (const period of ['2026-01', '2026-02', '2026-03']) {
        ok(await replay.as('finance').gql(RUN_RECOGNITION, { le: 'US01', period }), 'runRevenueRecognition');
      }
      const original = await stack.sql(JOURNAL);
      expect(original.length).toBeGreaterThan(6);
      expect(await replay.sql(JOURNAL)).toEqual(original);
    } finally {
      await replay.stop();
    }
  });
});
