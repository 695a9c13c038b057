import { startTestStack, type TestStack } from '@rg/testkit';
import { acmeLines, activate, amend, cancel, contractTerms, postInvoice, publish, RENEWAL_FIELDS } from './support';

/** Each risk signal, arriving as its producer's event, moves a renewal's score with its reason. */
describe('risk signals from events', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['renewal'] });
  });
  afterAll(() => stack?.stop());

  async function renewalOf(contractId: string, extra = '') {
    const res = await stack.as('cs_manager').gql(`{ renewals(from: "2020-01-01", to: "2040-12-31", first: 20) { ${RENEWAL_FIELDS} ${extra} } }`);
    expect(res.errors).toBeUndefined();
    return res.data.renewals.find((r: { contract: { id: string } }) => r.contract.id === contractId);
  }

  test('seat contraction and a removed product raise the score; the ARR follows the amendment', async () => {
    const v1 = contractTerms('cus_contracting', acmeLines(15));
    await activate(stack, v1);
    await stack.settle();
    expect(await renewalOf(v1.contractId)).toMatchObject({ riskScore: 0, currentArr: { amount: '28200.00' } });

    const v2 = await amend(stack, v1, '2026-05-01', { SEAT: 10 });
    await stack.settle();
    expect(await renewalOf(v1.contractId)).toMatchObject({
      riskScore: 20,
      riskLevel: 'LOW',
      riskReasons: ['Seat quantity reduced from 15 to 10 on 2026-05-01'],
      currentArr: { amount: '25200.00' },
    });

    await amend(stack, v2, '2026-06-01', { API_CALLS: 0 });
    await stack.settle();
    expect(await renewalOf(v1.contractId)).toMatchObject({
      riskScore: 40,
      riskLevel: 'MEDIUM',
      probability: '0.60',
      riskReasons: ['API calls removed from the contract on 2026-06-01', 'Seat quantity reduced from 15 to 10 on 2026-05-01'],
      currentArr: { amount: '25200.00' }, // usage is not recurring revenue
    });
  });

  test('a falling usage trend raises the score once billing publishes the month', async () => {
    const terms = contractTerms('cus_usage', acmeLines());
    await activate(stack, terms);
    const usage = (month: string, quantity: string) =>
      publish(stack, 'UsageSummarized', { type: 'Contract', id: terms.contractId }, { contractId: terms.contractId, customerId: terms.customerId, productCode: 'API_CALLS', month, quantity });
    await usage('2026-01', '1000000');
    await usage('2026-02', '1100000');
    await usage('2026-03', '900000');
    await stack.settle();
    expect(await renewalOf(terms.contractId)).toMatchObject({ riskScore: 0, scoredAsOf: '2026-04-01' }); // 14% below average: steady enough

    await usage('2026-04', '600000');
    await stack.settle();
    expect(await renewalOf(terms.contractId)).toMatchObject({
      riskScore: 15,
      scoredAsOf: '2026-05-01',
      riskReasons: ['API calls usage fell 40% in 2026-04: 600,000 against an average of 1,000,000 a month over the previous 3 months'],
    });

    await usage('2026-05', '1200000'); // recovered
    await stack.settle();
    expect(await renewalOf(terms.contractId)).toMatchObject({ riskScore: 0, riskReasons: [] });
  });

  test('an overdue invoice raises the score; voiding it lowers it again', async () => {
    const terms = contractTerms('cus_voided', acmeLines());
    await activate(stack, terms);
    await postInvoice(stack, terms, { id: 'inv_void1', number: 'INV-2026-000901', issueDate: '2026-01-01', dueDate: '2026-01-31', totalMinor: '810000' });
    await postInvoice(stack, terms, { id: 'inv_void2', number: 'INV-2026-000902', issueDate: '2026-02-15', dueDate: '2026-03-17', totalMinor: '1000' });
    await stack.settle();
    expect(await renewalOf(terms.contractId)).toMatchObject({
      riskScore: 20,
      riskReasons: ['Invoice INV-2026-000901 is 15 days overdue: 8,100.00 USD unpaid since 2026-01-31'],
    });
    await publish(stack, 'InvoiceVoided', { type: 'Invoice', id: 'inv_void1' }, {
      invoiceId: 'inv_void1', number: 'INV-2026-000901', customerId: terms.customerId, contractId: terms.contractId,
      legalEntityCode: 'US01', currency: 'USD', voidedOn: '2026-02-20', reason: 'Billed in error', totalMinor: '810000',
    });
    await stack.settle();
    expect(await renewalOf(terms.contractId)).toMatchObject({ riskScore: 0, riskReasons: [], scoredAsOf: '2026-02-20' });
  });

  test('failed payments in the window add up to HIGH risk, and the probability and forecast follow', async () => {
    const terms = contractTerms('cus_failing', acmeLines());
    await activate(stack, terms);
    for (const [on, reason] of [['2026-02-10', 'card_declined'], ['2026-03-10', 'insufficient_funds']]) {
      await publish(stack, 'PaymentFailed', { type: 'Payment', id: `pay_${on}` }, {
        paymentId: `pay_failing_${on}`, customerId: terms.customerId, invoiceId: null, legalEntityCode: 'US01', currency: 'USD',
        amountMinor: '260000', receivedAt: `${on}T09:00:00.000Z`, failureReason: reason,
      });
    }
    await stack.settle();
    expect(await renewalOf(terms.contractId)).toMatchObject({
      riskScore: 50,
      riskLevel: 'HIGH',
      probability: '0.30',
      forecastArr: { amount: '7560.00' },
      riskReasons: ['Payment failed on 2026-03-10: insufficient_funds', 'Payment failed on 2026-02-10: card_declined'],
    });
  });

  test('a cancelled contract churns its renewal with the ARR lost', async () => {
    const terms = contractTerms('cus_cancelling', acmeLines());
    await activate(stack, terms);
    await cancel(stack, terms, '2026-07-01', 'Budget cut');
    await stack.settle();
    expect(await renewalOf(terms.contractId, 'decidedOn riskHistory { probability causedBy }')).toMatchObject({
      status: 'CHURNED',
      lostArr: { amount: '25200.00' },
      decidedOn: '2026-07-01',
      probability: '0.00',
      forecastArr: { amount: '0.00' },
      riskHistory: [{ probability: '0.90', causedBy: 'ContractActivated' }, { probability: '0.00', causedBy: 'ContractCancelled' }],
    });
    const audit = await stack.sql(`SELECT action, reason FROM ops.audit_record WHERE service = 'renewal' AND action = 'churnRenewal' AND reason = 'Budget cut'`);
    expect(audit).toHaveLength(1);
  });

  test('an amendment of a contract the renewal never saw activated goes to the dead letters, not into a renewal', async () => {
    const ghost = contractTerms('cus_ghost', acmeLines());
    await amend(stack, ghost, '2026-03-01', { SEAT: 5 });
    await stack.settle();
    const dead = await stack.sql(`SELECT event_type, attempts, last_error FROM ops.dead_letter WHERE service = 'renewal' AND aggregate_id = $1`, [ghost.contractId]);
    expect(dead).toEqual([{ event_type: 'ContractAmended', attempts: 3, last_error: expect.stringContaining('No renewal for contract') }]);
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM renewal.contract_contraction WHERE contract_id = $1`, [ghost.contractId]);
    expect(n).toBe(0);
  });
});
