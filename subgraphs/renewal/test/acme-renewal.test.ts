import { startTestStack, type TestStack } from '@rg/testkit';
import { acmeLines, activate, amend, contractTerms, failPayment, postInvoice, publish, RENEWAL_FIELDS, settlePayment } from './support';

/**
 * The renewal side of the worked example (steps 9 and 12), driven by the events the contract
 * and billing subgraphs publish.
 */
describe("Acme's renewal from contract and billing events", () => {
  let stack: TestStack;
  let acmeId: string;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'renewal'] });
    const created = await stack.as('sales_rep').gql(
      `mutation { createCustomer(input: { name: "Acme Analytics", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } userErrors { code } } }`,
    );
    acmeId = created.data.createCustomer.customer.id;
  });
  afterAll(() => stack?.stop());

  /** The renewal of a contract, as the CS worklist shows it. */
  async function byContract(contractId: string, extra = '') {
    const res = await stack.as('cs_manager').gql(`{ renewals(from: "2020-01-01", to: "2040-12-31", first: 20) { ${RENEWAL_FIELDS} ${extra} } }`);
    expect(res.errors).toBeUndefined();
    return { renewal: res.data.renewals.find((r: { contract: { id: string } }) => r.contract.id === contractId) };
  }

  test('activation opens one renewal: 2027-01-01, ARR 25,200.00, LOW risk, forecast 22,680.00; amendment makes it 28,200.00', async () => {
    const v1 = contractTerms(acmeId, acmeLines());
    await activate(stack, v1);
    await activate(stack, v1); // redelivered by a replaying producer: still one renewal
    await stack.settle();

    const { renewal } = await byContract(v1.contractId);
    expect(renewal).toMatchObject({
      renewalDate: '2027-01-01',
      status: 'OPEN',
      currentArr: { amount: '25200.00', currency: 'USD' },
      riskLevel: 'LOW',
      riskScore: 0,
      riskReasons: [],
      probability: '0.90',
      forecastArr: { amount: '22680.00', currency: 'USD' },
      contract: { id: v1.contractId },
      customer: { id: acmeId },
      lostArr: null,
    });
    expect(renewal.id).toMatch(/^ren_/);
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM renewal.renewal WHERE contract_id = $1`, [v1.contractId]);
    expect(n).toBe(1);

    // Customer.renewals and node(id) resolve the same renewal across subgraphs.
    const viaCustomer = await stack.as('cs_manager').gql(
      `query($id: ID!, $rid: ID!) { customer(id: $id) { name renewals { id currentArr { amount } } } node(id: $rid) { id ... on Renewal { renewalDate } } }`,
      { id: acmeId, rid: renewal.id },
    );
    expect(viaCustomer.errors).toBeUndefined();
    expect(viaCustomer.data).toEqual({
      customer: { name: 'Acme Analytics', renewals: [{ id: renewal.id, currentArr: { amount: '25200.00' } }] },
      node: { id: renewal.id, renewalDate: '2027-01-01' },
    });

    // Step 9: invoice 2 posted on 2026-02-01, its payment fails on 2026-02-10.
    await postInvoice(stack, v1, { id: 'inv_acme2', number: 'INV-2026-000002', issueDate: '2026-02-01', dueDate: '2026-03-03', totalMinor: '260000' });
    await failPayment(stack, v1, 'inv_acme2', '2026-02-10', '260000', 'card_declined');
    await stack.settle();
    const failed = (await byContract(v1.contractId, 'before: riskLevel(asOf: "2026-02-09") beforeReasons: riskReasons(asOf: "2026-02-09")')).renewal;
    expect(failed).toMatchObject({
      riskLevel: 'MEDIUM',
      riskScore: 25,
      riskReasons: ['Payment failed on 2026-02-10: card_declined'],
      probability: '0.60',
      forecastArr: { amount: '15120.00' },
      scoredAsOf: '2026-02-10',
      before: 'LOW',
      beforeReasons: [],
    });

    // Step 11/12: SEAT 10 → 15 from 2026-03-16.
    const v2 = await amend(stack, v1, '2026-03-16', { SEAT: 15 });
    await stack.settle();
    const amended = (await byContract(v1.contractId)).renewal;
    expect(amended).toMatchObject({
      renewalDate: '2027-01-01',
      currentArr: { amount: '28200.00' },
      forecastArr: { amount: '16920.00' },
      // as of the amendment's date, unpaid invoice 2 (due 2026-03-03) is overdue too
      riskScore: 45,
      riskLevel: 'MEDIUM',
      riskReasons: ['Payment failed on 2026-02-10: card_declined', 'Invoice INV-2026-000002 is 13 days overdue: 2,600.00 USD unpaid since 2026-03-03'],
    });
    expect(v2.version).toBe(2);

    // Invoice 4 posted on 2026-04-01 moves the score's date on: invoice 2 is now 29 days overdue.
    await postInvoice(stack, v2, { id: 'inv_acme4', number: 'INV-2026-000004', issueDate: '2026-04-01', dueDate: '2026-05-01', totalMinor: '235000' });
    await stack.settle();
    const overdue = (await byContract(v1.contractId)).renewal;
    expect(overdue).toMatchObject({
      riskScore: 45,
      riskLevel: 'MEDIUM',
      riskReasons: ['Payment failed on 2026-02-10: card_declined', 'Invoice INV-2026-000002 is 29 days overdue: 2,600.00 USD unpaid since 2026-03-03'],
      scoredAsOf: '2026-04-01',
    });

    // Paying invoice 2 on 2026-04-05 removes its overdue reason; the failure counts for 90 days, and
    // by 2026-05-11 it has aged out while invoice 4 has fallen overdue.
    await settlePayment(stack, v2, 'inv_acme2', '2026-04-05', '260000');
    await stack.settle();
    const paid = (await byContract(v1.contractId, 'later: riskReasons(asOf: "2026-05-11") laterLevel: riskLevel(asOf: "2026-05-11")')).renewal;
    expect(paid).toMatchObject({
      riskScore: 25,
      riskReasons: ['Payment failed on 2026-02-10: card_declined'],
      later: ['Invoice INV-2026-000004 is 10 days overdue: 2,350.00 USD unpaid since 2026-05-01'],
      laterLevel: 'LOW',
    });

    // Every change of score is kept with the signals it came from.
    const history = (await byContract(v1.contractId, 'riskHistory { asOf score level probability currentArr { amount } forecastArr { amount } reasons causedBy signals { kind points } }')).renewal.riskHistory;
    expect(history.map((h: { asOf: string; score: number; causedBy: string; currentArr: { amount: string } }) => [h.asOf, h.score, h.currentArr.amount, h.causedBy])).toEqual([
      ['2026-01-01', 0, '25200.00', 'ContractActivated'],
      ['2026-02-10', 25, '25200.00', 'PaymentFailed'],
      ['2026-03-16', 45, '28200.00', 'ContractAmended'],
      ['2026-04-01', 45, '28200.00', 'InvoicePosted'],
      ['2026-04-05', 25, '28200.00', 'PaymentSettled'],
    ]);
    expect(history[3]).toMatchObject({
      level: 'MEDIUM',
      probability: '0.60',
      forecastArr: { amount: '16920.00' },
      signals: [{ kind: 'PAYMENT_FAILURE', points: 25 }, { kind: 'OVERDUE_INVOICE', points: 20 }],
    });
  });

  test('a credit hold set through the customer subgraph raises the risk of every open renewal of the customer', async () => {
    const other = contractTerms(acmeId, acmeLines(2), { startDate: '2026-06-01', endDate: '2027-05-31' });
    await activate(stack, other);
    await stack.settle();
    const hold = await stack.as('finance').gql(`mutation($id: ID!) { setCreditHold(customerId: $id, hold: true, reason: "Overdue balance") { userErrors { code } } }`, { id: acmeId });
    expect(hold.data.setCreditHold.userErrors).toEqual([]);
    await stack.settle();
    const today = new Date().toISOString().slice(0, 10);
    const res = await stack.as('cs_manager').gql(`query($id: ID!) { customer(id: $id) { renewals { renewalDate riskScore riskReasons scoredAsOf } } }`, { id: acmeId });
    const renewals = res.data.customer.renewals;
    expect(renewals).toHaveLength(2);
    for (const r of renewals) {
      expect(r.scoredAsOf).toBe(today);
      expect(r.riskReasons).toContain(`Customer on credit hold since ${today}: Overdue balance`);
      expect(r.riskScore).toBeGreaterThanOrEqual(30);
    }
  });

  test('a credit hold dated by finance counts from that business date', async () => {
    const created = await stack.as('sales_rep').gql(
      `mutation { createCustomer(input: { name: "Dated Hold", currency: "USD", taxRegion: "US-CA", legalEntityCode: "US01" }) { customer { id } } }`,
    );
    const customerId = created.data.createCustomer.customer.id;
    await activate(stack, contractTerms(customerId, acmeLines()));
    await stack.settle();
    const hold = await stack.as('finance').gql(
      `mutation($id: ID!) { setCreditHold(customerId: $id, hold: true, reason: "Disputed invoices", effectiveOn: "2026-02-12") { userErrors { code } } }`,
      { id: customerId },
    );
    expect(hold.data.setCreditHold.userErrors).toEqual([]);
    await stack.settle();
    const res = await stack.as('cs_manager').gql(`query($id: ID!) { customer(id: $id) { renewals { riskReasons scoredAsOf } } }`, { id: customerId });
    expect(res.data.customer.renewals[0].riskReasons).toContain('Customer on credit hold since 2026-02-12: Disputed invoices');
    const bad = await stack.as('finance').gql(
      `mutation($id: ID!) { setCreditHold(customerId: $id, hold: false, reason: "Paid", effectiveOn: "2026-02-30") { userErrors { code field } } }`,
      { id: customerId },
    );
    expect(bad.data.setCreditHold.userErrors).toEqual([{ code: 'INVALID_DATE', field: ['effectiveOn'] }]);
  });

  test('a redelivered signal has no second effect', async () => {
    const terms = contractTerms('cus_redelivery', acmeLines());
    await activate(stack, terms);
    const failure = {
      paymentId: 'pay_once',
      customerId: terms.customerId,
      invoiceId: null,
      legalEntityCode: 'US01',
      currency: 'USD',
      amountMinor: '1000',
      receivedAt: '2026-02-10T10:00:00.000Z',
      failureReason: 'card_declined',
    };
    await publish(stack, 'PaymentFailed', { type: 'Payment', id: 'pay_once' }, failure);
    await publish(stack, 'PaymentFailed', { type: 'Payment', id: 'pay_once' }, failure);
    await stack.settle();
    expect((await byContract(terms.contractId)).renewal).toMatchObject({ riskScore: 25, riskReasons: ['Payment failed on 2026-02-10: card_declined'] });
  });
});
