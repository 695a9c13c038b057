import { formatMoney, money, type InvoicePostedV1, type PaymentSettledV1 } from '@rg/kit';
import { applyRules, balances, invoiceComponents, paymentComponents, reversalOf, UnbalancedPostingError, type PostingLine } from '../../src/domain/journal';
import { POSTING_RULES } from '../../src/domain/posting-rules';
import { obligationsForContract } from '../../src/domain/obligations';
import { recognitionComponents, recognitionDeltas } from '../../src/domain/recognition';
import { postingDate } from '../../src/domain/periods';
import { acmeTerms } from './acme';

const usd = (n: bigint) => formatMoney(money(n, 'USD'));

const invoice1: InvoicePostedV1 = {
  invoiceId: 'inv_1', number: 'INV-1', customerId: 'cus_acme', contractId: 'ctr_acme', legalEntityCode: 'US01',
  currency: 'USD', issueDate: '2026-01-01', dueDate: '2026-01-31', subtotalMinor: '810000', taxMinor: '0',
  totalMinor: '810000', creditAppliedMinor: '0',
  lines: [
    { kind: 'RECURRING', productCode: 'PLATFORM', description: 'Platform', quantity: '1', periodStart: '2026-01-01', periodEnd: '2026-01-31', amountMinor: '160000', taxMinor: '0' },
    { kind: 'RECURRING', productCode: 'SEAT', description: 'Seats', quantity: '10', periodStart: '2026-01-01', periodEnd: '2026-01-31', amountMinor: '50000', taxMinor: '0' },
    { kind: 'ONE_TIME', productCode: 'ONBOARDING', description: 'Onboarding', quantity: '1', periodStart: null, periodEnd: null, amountMinor: '600000', taxMinor: '0' },
  ],
};
const payment: PaymentSettledV1 = {
  paymentId: 'pay_1', customerId: 'cus_acme', invoiceId: 'inv_1', legalEntityCode: 'US01', currency: 'USD',
  amountMinor: '810000', receivedAt: '2026-01-20T00:00:00Z', applications: [{ invoiceId: 'inv_1', amountMinor: '810000' }], unappliedMinor: '0',
};

const side = (lines: PostingLine[]) => lines.map((l) => [l.account, l.amount > 0n ? 'Dr' : 'Cr', usd(l.amount < 0n ? -l.amount : l.amount)]);

describe('posting rules', () => {
  it('books an invoice: Dr AR the total, Cr deferred revenue per kind', () => {
    const lines = applyRules(POSTING_RULES, 'InvoicePosted', 'USD', invoiceComponents(invoice1));
    expect(side(lines)).toEqual([
      ['1100', 'Dr', '8100.00'],
      ['2400', 'Cr', '2100.00'],
      ['2400', 'Cr', '6000.00'],
    ]);
  });

  it('books usage to usage revenue and tax to tax payable; negative lines reverse the same way', () => {
    const inv: InvoicePostedV1 = {
      ...invoice1, totalMinor: '52375', taxMinor: '4375', creditAppliedMinor: '0',
      lines: [
        { ...invoice1.lines[0], kind: 'USAGE', amountMinor: '50000', taxMinor: '4438' },
        { ...invoice1.lines[0], kind: 'PRORATION', amountMinor: '-2000', taxMinor: '-63' },
      ],
    };
    expect(side(applyRules(POSTING_RULES, 'InvoicePosted', 'USD', invoiceComponents(inv)))).toEqual([
      ['1100', 'Dr', '523.75'],
      ['4100', 'Cr', '500.00'],
      ['2400', 'Dr', '20.00'],
      ['2100', 'Cr', '43.75'],
    ]);
  });

  it('refuses an invoice whose total is not its lines plus tax', () => {
    expect(() => applyRules(POSTING_RULES, 'InvoicePosted', 'USD', invoiceComponents({ ...invoice1, totalMinor: '810001' }))).toThrow(UnbalancedPostingError);
  });

  it('reverses a voided invoice line for line', () => {
    const lines = applyRules(POSTING_RULES, 'InvoicePosted', 'USD', invoiceComponents(invoice1));
    const all = [...lines, ...reversalOf(lines)];
    expect([...balances(all).values()].every((b) => b === 0n)).toBe(true);
  });

  it('reproduces the trial balance of US01 as of 2026-01-31 in the worked example', () => {
    const obligations = obligationsForContract(acmeTerms);
    obligations[2].deliveredOn = '2026-01-20';
    const deltas = recognitionDeltas(obligations.map((o) => ({ id: o.key, obligation: o, posted: 0n })), '2026-01');
    const lines = [
      ...applyRules(POSTING_RULES, 'InvoicePosted', 'USD', invoiceComponents(invoice1)),
      ...applyRules(POSTING_RULES, 'PaymentSettled', 'USD', paymentComponents(payment)),
      ...applyRules(POSTING_RULES, 'RevenueRecognition', 'USD', recognitionComponents(deltas, (d) => d.obligationId)),
    ];
    const tb = Object.fromEntries([...balances(lines)].map(([k, v]) => [k, usd(v)]));
    expect(tb).toEqual({
      'USD:1000': '8100.00', // Dr
      'USD:1100': '0.00',
      'USD:2400': '-691.78', // Cr
      'USD:4000': '-2208.22',
      'USD:4200': '-5200.00',
    });
  });
});

describe('posting into closed periods', () => {
  it('books an event of a closed period on the first day of the first open period, and says so', () => {
    expect(postingDate('2026-01-15', new Set())).toEqual({ entryDate: '2026-01-15', note: null });
    expect(postingDate('2026-01-15', new Set(['2026-01', '2026-02']))).toEqual({
      entryDate: '2026-03-01',
      note: 'Dated 2026-01-15 in closed period 2026-01; booked in 2026-03',
    });
  });
});
