import { startTestStack, type TestStack } from '@rg/testkit';
import { activate, amend, cancel, contractTerms, publish, seatLines } from './support';

const FORECAST = `query($from: Date!, $to: Date!, $currency: String!, $asOf: Date) {
  renewalForecast(from: $from, to: $to, currency: $currency, asOf: $asOf) {
    from to currency renewals currentArr { amount currency } forecastArr { amount } atRiskArr { amount } churnedArr { amount }
  }
}`;

describe('renewal forecast and revenue retention', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The consumer runs only when settle() asks, so the statement count below is the query's own.
    stack = await startTestStack({ services: ['renewal'], consumer: { pollMs: 600_000 } });
  });
  afterAll(() => stack?.stop());

  const fail = (customerId: string, on: string) =>
    publish(stack, 'PaymentFailed', { type: 'Payment', id: `pay_${customerId}_${on}` }, {
      paymentId: `pay_${customerId}_${on}`, customerId, invoiceId: null, legalEntityCode: 'DE01', currency: 'EUR',
      amountMinor: '100000', receivedAt: `${on}T09:00:00.000Z`, failureReason: 'card_declined',
    });

  test('the forecast sums the renewals due in the window: count, current, forecast, at-risk and churned ARR', async () => {
    const eur = { currency: 'EUR', legalEntityCode: 'DE01', taxRegion: 'DE' };
    const low = contractTerms('cus_f_low', seatLines(1, '1000000000'), { ...eur }); // 12,000.00, renews 2027-01-01
    const medium = contractTerms('cus_f_medium', seatLines(2, '1000000000'), { ...eur, endDate: '2027-01-31' }); // 24,000.00
    const high = contractTerms('cus_f_high', seatLines(1, '500000000'), { ...eur, endDate: '2027-03-30' }); // 6,000.00, renews 2027-03-31
    const later = contractTerms('cus_f_later', seatLines(1, '1000000000'), { ...eur, endDate: '2027-03-31' }); // renews 2027-04-01
    const churned = contractTerms('cus_f_churned', seatLines(1, '250000000'), { ...eur }); // 3,000.00
    for (const t of [low, medium, high, later, churned]) await activate(stack, t);
    await fail(medium.customerId, '2026-11-15');
    await fail(high.customerId, '2026-11-10');
    await fail(high.customerId, '2026-11-20');
    await cancel(stack, churned, '2026-10-01');
    await stack.settle();

    const window = { from: '2027-01-01', to: '2027-03-31', currency: 'EUR' };
    const res = await stack.as('finance').gql(FORECAST, window);
    expect(res.errors).toBeUndefined();
    expect(res.data.renewalForecast).toEqual({
      ...window,
      renewals: 4,
      currentArr: { amount: '45000.00', currency: 'EUR' },
      forecastArr: { amount: '27000.00' }, // 10,800.00 + 14,400.00 + 1,800.00 + 0
      atRiskArr: { amount: '6000.00' },
      churnedArr: { amount: '3000.00' },
    });

    // Evaluated for 2027-03-01 the November failures have aged out: every open renewal is LOW.
    const renewal = stack.subgraphs.renewal!;
    const before = renewal.statements.count;
    const asOf = await stack.as('finance').gql(FORECAST, { ...window, asOf: '2027-03-01' });
    const statements = renewal.statements.count - before;
    expect(asOf.data.renewalForecast).toMatchObject({ renewals: 4, forecastArr: { amount: '37800.00' }, atRiskArr: { amount: '0.00' } });
    // one read of the renewals and one per kind of signal, however many renewals are due
    expect(statements).toBe(7);

    const list = await stack.as('cs_manager').gql(`{ renewals(from: "2027-01-01", to: "2027-03-31", currency: "EUR", riskLevel: HIGH) { renewalDate riskReasons customer { id } } }`);
    expect(list.data.renewals).toEqual([
      { renewalDate: '2027-03-31', customer: { id: 'cus_f_high' }, riskReasons: ['Payment failed on 2026-11-20: card_declined', 'Payment failed on 2026-11-10: card_declined'] },
    ]);
  });

  test('a window given backwards or with a bad date is a bad request', async () => {
    const res = await stack.as('finance').gql(FORECAST, { from: '2027-03-31', to: '2027-01-01', currency: 'EUR' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await stack.as('finance').gql(FORECAST, { from: '2027-02-30', to: '2027-03-01', currency: 'EUR' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('designed case: 100,000.00 across four customers, +20,000.00, −5,000.00, −10,000.00 churn → NRR 105.00%, GRR 85.00%', async () => {
    // 416.666667 a seat a month is 5,000.00 a year once rounded at the end.
    const seat = '416666667';
    const gbp = { currency: 'GBP', startDate: '2025-01-01', endDate: '2026-12-31', termMonths: 24 };
    const a = contractTerms('cus_r_a', seatLines(8, seat), gbp); // 40,000.00
    const b = contractTerms('cus_r_b', seatLines(6, seat), gbp); // 30,000.00
    const c = contractTerms('cus_r_c', seatLines(4, seat), gbp); // 20,000.00
    const d = contractTerms('cus_r_d', seatLines(2, seat), gbp); // 10,000.00
    const e = contractTerms('cus_r_e', seatLines(3, seat), { ...gbp, startDate: '2026-09-01', endDate: '2027-08-31', termMonths: 12 }); // new: 15,000.00
    for (const t of [a, b, c, d, e]) await activate(stack, t);
    await amend(stack, a, '2026-03-16', { SEAT: 12 }); // +20,000.00
    await amend(stack, b, '2026-05-01', { SEAT: 5 }); // −5,000.00
    await cancel(stack, d, '2026-07-01'); // −10,000.00
    await stack.settle();

    const res = await stack.as('finance').gql(`{
      revenueRetention(from: "2026-01-01", to: "2026-12-31", currency: "GBP") {
        from to currency customers
        startingArr { amount currency } expansionArr { amount } contractionArr { amount } churnedArr { amount } endingArr { amount } newArr { amount }
        netRevenueRetention grossRevenueRetention
        movements { date kind inCohort customer { id } amount { amount } customerArrBefore { amount } customerArrAfter { amount } changes { cause contract { id } amount { amount } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const r = res.data.revenueRetention;
    expect(r).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      currency: 'GBP',
      customers: 4,
      startingArr: { amount: '100000.00', currency: 'GBP' },
      expansionArr: { amount: '20000.00' },
      contractionArr: { amount: '5000.00' },
      churnedArr: { amount: '10000.00' },
      endingArr: { amount: '105000.00' },
      newArr: { amount: '15000.00' },
      netRevenueRetention: '105.00',
      grossRevenueRetention: '85.00',
    });
    expect(r.movements).toEqual([
      { date: '2026-03-16', kind: 'EXPANSION', inCohort: true, customer: { id: 'cus_r_a' }, amount: { amount: '20000.00' }, customerArrBefore: { amount: '40000.00' }, customerArrAfter: { amount: '60000.00' }, changes: [{ cause: 'AMENDMENT', contract: { id: a.contractId }, amount: { amount: '20000.00' } }] },
      { date: '2026-05-01', kind: 'CONTRACTION', inCohort: true, customer: { id: 'cus_r_b' }, amount: { amount: '-5000.00' }, customerArrBefore: { amount: '30000.00' }, customerArrAfter: { amount: '25000.00' }, changes: [{ cause: 'AMENDMENT', contract: { id: b.contractId }, amount: { amount: '-5000.00' } }] },
      { date: '2026-07-01', kind: 'CHURN', inCohort: true, customer: { id: 'cus_r_d' }, amount: { amount: '-10000.00' }, customerArrBefore: { amount: '10000.00' }, customerArrAfter: { amount: '0.00' }, changes: [{ cause: 'CANCELLATION', contract: { id: d.contractId }, amount: { amount: '-10000.00' } }] },
      { date: '2026-09-01', kind: 'NEW', inCohort: false, customer: { id: 'cus_r_e' }, amount: { amount: '15000.00' }, customerArrBefore: { amount: '0.00' }, customerArrAfter: { amount: '15000.00' }, changes: [{ cause: 'ACTIVATION', contract: { id: e.contractId }, amount: { amount: '15000.00' } }] },
    ]);

    // The contracts run out on 2027-01-01 unless renewed: a window over that date shows them churning.
    const next = await stack.as('finance').gql(`{ revenueRetention(from: "2027-01-01", to: "2027-01-31", currency: "GBP") { startingArr { amount } churnedArr { amount } grossRevenueRetention movements { kind changes { cause } } } }`);
    expect(next.data.revenueRetention).toMatchObject({ startingArr: { amount: '120000.00' }, churnedArr: { amount: '105000.00' }, grossRevenueRetention: '12.50' });
    expect(next.data.revenueRetention.movements.every((m: { kind: string; changes: Array<{ cause: string }> }) => m.kind === 'CHURN' && m.changes[0].cause === 'EXPIRY')).toBe(true);
  });
});
