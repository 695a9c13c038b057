import fc from 'fast-check';
import {
  addDays, addMonths, nextPeriod, periodOf, type ContractAmendedV1, type ContractCancelledV1, type ContractTermLine,
  type ContractTerms, type InvoicePostedV1, type PaymentSettledV1,
} from '@rg/kit';
import { applyRules, assertBalanced, balances, invoiceComponents, paymentComponents, reversalOf, type PostingLine } from '../../src/domain/journal';
import { applyAmendment, applyCancellation } from '../../src/domain/modification';
import { obligationsForContract, scheduledPrice, type Obligation } from '../../src/domain/obligations';
import { recognitionComponents, recognitionDeltas, type ObligationState } from '../../src/domain/recognition';
import { POSTING_RULES } from '../../src/domain/posting-rules';
import { quantityChangeValue } from '../../src/domain/billing-periods';

const RUNS = 250;
const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => String(BigInt(c) * 10_000n));

const recurringLine = (code: string) =>
  fc.record({
    productCode: fc.constant(code),
    productName: fc.constant(code),
    chargeModel: fc.constantFrom<ContractTermLine['chargeModel']>('FLAT', 'PER_UNIT'),
    quantity: fc.integer({ min: 1, max: 25 }),
    discountPercent: fc.constant('0'),
    listUnitPriceMicros: cents(500_000),
    netUnitPriceMicros: cents(500_000),
    sspUnitPriceMicros: cents(500_000),
    includedUnits: fc.constant(null),
  });

const oneTimeLine = recurringLine('ONBOARDING').map((l) => ({ ...l, chargeModel: 'ONE_TIME' as const, quantity: 1 }));
const usageLine = recurringLine('API_CALLS').map((l) => ({ ...l, chargeModel: 'TIERED_USAGE' as const, quantity: 1, netUnitPriceMicros: '2000', includedUnits: 1000 }));

const contractArb = fc
  .record({
    start: fc.integer({ min: 0, max: 700 }).map((d) => addDays('2026-01-01', d)),
    termMonths: fc.integer({ min: 1, max: 36 }),
    billingFrequency: fc.constantFrom<ContractTerms['billingFrequency']>('MONTHLY', 'QUARTERLY', 'ANNUAL'),
    recurring: fc.uniqueArray(fc.constantFrom('PLATFORM', 'SEAT', 'STORAGE'), { minLength: 1, maxLength: 3 }).chain((codes) => fc.tuple(...codes.map(recurringLine))),
    oneTime: fc.option(oneTimeLine, { nil: null }),
    usage: fc.option(usageLine, { nil: null }),
  })
  .map(({ start, termMonths, billingFrequency, recurring, oneTime, usage }): ContractTerms => ({
    contractId: 'ctr_p', number: 'C-P', customerId: 'cus_p', partnerId: null, legalEntityCode: 'US01', taxRegion: 'US-CA',
    currency: 'USD', startDate: start, endDate: addDays(addMonths(start, termMonths), -1), termMonths, billingFrequency,
    version: 1, lines: [...recurring, ...(oneTime ? [oneTime] : []), ...(usage ? [usage] : [])],
  }));

/** Up to three amendments on increasing dates inside the term, then maybe a cancellation. */
const scenarioArb = contractArb.chain((terms) => {
  const termDays = Math.max(1, (Date.parse(terms.endDate) - Date.parse(terms.startDate)) / 86_400_000);
  const codes = terms.lines.filter((l) => l.chargeModel === 'FLAT' || l.chargeModel === 'PER_UNIT').map((l) => l.productCode);
  return fc.record({
    terms: fc.constant(terms),
    amendments: fc.array(fc.record({ day: fc.integer({ min: 1, max: termDays }), code: fc.constantFrom(...codes), quantity: fc.integer({ min: 0, max: 30 }) }), { maxLength: 3 }),
    cancelDay: fc.option(fc.integer({ min: 1, max: termDays }), { nil: null }),
    onboardedDay: fc.integer({ min: 0, max: termDays }),
  });
});

/** Applies the scenario's events in date order, as the handlers do. */
function buildObligations(s: { terms: ContractTerms; amendments: { day: number; code: string; quantity: number }[]; cancelDay: number | null; onboardedDay: number }) {
  let terms = s.terms;
  let obligations: Obligation[] = obligationsForContract(terms);
  const onboarded = addDays(terms.startDate, s.onboardedDay);
  obligations = obligations.map((o) => (o.pattern === 'POINT_IN_TIME' ? { ...o, deliveredOn: onboarded } : o));
  const days = [...s.amendments].sort((a, b) => a.day - b.day);
  let end = terms.endDate;
  const changes: Array<{ effectiveDate: string; terms: ContractTerms; code: string; delta: number }> = [];
  for (const [i, a] of days.entries()) {
    if (s.cancelDay !== null && a.day >= s.cancelDay) break;
    const effectiveDate = addDays(terms.startDate, a.day);
    const before = terms;
    const current = before.lines.find((l) => l.productCode === a.code)!;
    const after = { ...before, version: before.version + 1, lines: before.lines.map((l) => (l.productCode === a.code ? { ...l, quantity: a.quantity } : l)) };
    const ev: ContractAmendedV1 = {
      contractId: 'ctr_p', customerId: 'cus_p', amendmentId: `amd_${i}`, kind: 'QUANTITY_CHANGE', effectiveDate, version: after.version,
      changes: [{ productCode: a.code, quantityBefore: current.quantity, quantityAfter: a.quantity }], before, after,
    };
    obligations = applyAmendment(obligations, ev);
    changes.push({ effectiveDate, terms: after, code: a.code, delta: a.quantity - current.quantity });
    terms = after;
  }
  if (s.cancelDay !== null) {
    const ev: ContractCancelledV1 = {
      contractId: 'ctr_p', customerId: 'cus_p', amendmentId: 'amd_cancel', effectiveDate: addDays(terms.startDate, s.cancelDay),
      version: terms.version + 1, reason: 'churn', before: terms,
    };
    obligations = applyCancellation(obligations, ev);
    end = addDays(ev.effectiveDate, -1);
    for (const l of terms.lines.filter((x) => x.chargeModel === 'FLAT' || x.chargeModel === 'PER_UNIT')) {
      changes.push({ effectiveDate: ev.effectiveDate, terms, code: l.productCode, delta: -l.quantity });
    }
  }
  return { obligations, end, changes, finalTerms: terms };
}

describe('revenue schedules (property)', () => {
  it('never recognise more than allocated, and recognise exactly the allocation by the contract end', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { obligations, end } = buildObligations(s);
        const book: ObligationState[] = obligations.map((o) => ({ id: o.key, obligation: o, posted: 0n }));
        const last = periodOf(addDays(end > s.terms.endDate ? end : s.terms.endDate, 1));
        for (let p = periodOf(s.terms.startDate); p <= last; p = nextPeriod(p)) {
          const deltas = recognitionDeltas(book, p);
          const lines = applyRules(POSTING_RULES, 'RevenueRecognition', 'USD', recognitionComponents(deltas, (d) => d.obligationId));
          assertBalanced(lines);
          for (const d of deltas) book.find((b) => b.id === d.obligationId)!.posted += d.amount;
          for (const b of book) {
            expect(b.posted).toBeGreaterThanOrEqual(0n);
            expect(b.posted).toBeLessThanOrEqual(b.obligation.allocated);
          }
        }
        for (const b of book) {
          expect(scheduledPrice(b.obligation)).toBe(b.obligation.allocated);
          expect(b.posted).toBe(b.obligation.allocated);
          if (b.obligation.pattern === 'RATABLE') expect(b.obligation.serviceEnd! <= end).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('allocate the whole fixed transaction price of a contract', () => {
    fc.assert(
      fc.property(contractArb, (terms) => {
        const fixed = terms.lines
          .filter((l) => l.chargeModel !== 'TIERED_USAGE')
          .reduce((a, l) => a + (BigInt(l.netUnitPriceMicros) * BigInt(l.quantity) * BigInt(l.chargeModel === 'ONE_TIME' ? 1 : terms.termMonths)) / 10_000n, 0n);
        expect(obligationsForContract(terms).reduce((a, o) => a + o.allocated, 0n)).toBe(fixed);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Random invoices, payments and voids against a small billing subledger. */
const lineArb = fc.record({
  kind: fc.constantFrom<InvoicePostedV1['lines'][number]['kind']>('RECURRING', 'PRORATION', 'USAGE', 'ONE_TIME', 'CREDIT'),
  amount: fc.integer({ min: -50_000, max: 500_000 }),
  tax: fc.integer({ min: 0, max: 5_000 }),
});
const opArb = fc.oneof(
  fc.record({ op: fc.constant('invoice' as const), lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }) }),
  fc.record({ op: fc.constant('pay' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 600_000 }) }),
  fc.record({ op: fc.constant('void' as const), pick: fc.nat() }),
);

describe('journal (property)', () => {
  it('balance every entry, sum to zero across accounts, and keep GL AR equal to open AR', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const journal: PostingLine[][] = [];
        const invoices: { id: string; total: bigint; paid: bigint; void: boolean; entry: PostingLine[] }[] = [];
        let credit = 0n; // unapplied customer credit
        let billedFixed = 0n;
        for (const [i, op] of ops.entries()) {
          if (op.op === 'invoice') {
            const lines = op.lines.map((l) => ({ kind: l.kind, productCode: null, description: l.kind, quantity: '1', periodStart: null, periodEnd: null, amountMinor: String(l.amount), taxMinor: String(l.tax) }));
            const subtotal = op.lines.reduce((a, l) => a + BigInt(l.amount), 0n);
            const tax = op.lines.reduce((a, l) => a + BigInt(l.tax), 0n);
            if (subtotal + tax < 0n) continue; // billing issues a credit note instead
            const applied = credit < subtotal + tax ? credit : subtotal + tax;
            credit -= applied;
            const inv: InvoicePostedV1 = {
              invoiceId: `inv_${i}`, number: `I-${i}`, customerId: 'c', contractId: null, legalEntityCode: 'US01', currency: 'USD',
              issueDate: '2026-01-01', dueDate: '2026-01-31', subtotalMinor: String(subtotal), taxMinor: String(tax),
              totalMinor: String(subtotal + tax), creditAppliedMinor: String(applied), lines,
            };
            const entry = applyRules(POSTING_RULES, 'InvoicePosted', 'USD', invoiceComponents(inv));
            journal.push(entry);
            invoices.push({ id: inv.invoiceId, total: subtotal + tax, paid: applied, void: false, entry });
            billedFixed += op.lines.filter((l) => l.kind !== 'USAGE').reduce((a, l) => a + BigInt(l.amount), 0n);
          } else if (op.op === 'pay') {
            const open = invoices.filter((x) => !x.void && x.total > x.paid);
            const target = open.length ? open[op.pick % open.length] : null;
            const amount = BigInt(op.amount);
            const toInvoice = target ? (amount < target.total - target.paid ? amount : target.total - target.paid) : 0n;
            const p: PaymentSettledV1 = {
              paymentId: `pay_${i}`, customerId: 'c', invoiceId: target?.id ?? null, legalEntityCode: 'US01', currency: 'USD',
              amountMinor: String(amount), receivedAt: '2026-01-02T00:00:00Z',
              applications: target && toInvoice > 0n ? [{ invoiceId: target.id, amountMinor: String(toInvoice) }] : [],
              unappliedMinor: String(amount - toInvoice),
            };
            if (target) target.paid += toInvoice;
            credit += amount - toInvoice;
            journal.push(applyRules(POSTING_RULES, 'PaymentSettled', 'USD', paymentComponents(p)));
          } else {
            const unpaid = invoices.filter((x) => !x.void && x.paid === 0n);
            if (!unpaid.length) continue;
            const target = unpaid[op.pick % unpaid.length];
            target.void = true;
            journal.push(reversalOf(target.entry));
            billedFixed -= target.entry.filter((l) => l.account === '2400').reduce((a, l) => a - l.amount, 0n);
          }
        }
        for (const entry of journal) assertBalanced(entry);
        const tb = balances(journal.flat());
        expect([...tb.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
        const openAr = invoices.filter((x) => !x.void).reduce((a, x) => a + x.total - x.paid, 0n) - credit;
        expect(tb.get('USD:1100') ?? 0n).toBe(openAr);
        // Deferred revenue holds exactly the fixed consideration billed (nothing recognised here).
        expect(-(tb.get('USD:2400') ?? 0n)).toBe(billedFixed);
      }),
      { numRuns: RUNS },
    );
  });
});

type Scenario = Parameters<typeof buildObligations>[0];

/**
 * Billing as the scenario's conventions describe it: each period in advance at the quantities
 * then in force, one-time lines on the first invoice, a proration line for each quantity change.
 */
function billingInvoices(s: Scenario, built: ReturnType<typeof buildObligations>): Array<{ date: string; lines: Array<{ kind: 'RECURRING' | 'ONE_TIME' | 'PRORATION'; amount: bigint }> }> {
  const t = s.terms;
  const months = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 }[t.billingFrequency];
  const invoices: Array<{ date: string; lines: Array<{ kind: 'RECURRING' | 'ONE_TIME' | 'PRORATION'; amount: bigint }> }> = [];
  const quantityAt = (code: string, date: string) =>
    built.changes.filter((c) => c.code === code && c.effectiveDate <= date).reduce((q, c) => q + c.delta, t.lines.find((l) => l.productCode === code)!.quantity);
  for (let k = 0; addMonths(t.startDate, k * months) <= built.end; k++) {
    const date = addMonths(t.startDate, k * months);
    const inPeriod = Math.min(months, t.termMonths - k * months);
    const lines = t.lines
      .filter((l) => l.chargeModel === 'FLAT' || l.chargeModel === 'PER_UNIT')
      .map((l) => ({ kind: 'RECURRING' as const, amount: (BigInt(l.netUnitPriceMicros) * BigInt(quantityAt(l.productCode, date)) * BigInt(inPeriod)) / 10_000n }));
    if (k === 0) for (const l of t.lines.filter((x) => x.chargeModel === 'ONE_TIME')) lines.push({ kind: 'RECURRING', amount: BigInt(l.netUnitPriceMicros) / 10_000n });
    invoices.push({ date, lines });
  }
  for (const c of built.changes) {
    const net = BigInt(t.lines.find((l) => l.productCode === c.code)!.netUnitPriceMicros);
    if (c.delta !== 0) invoices.push({ date: c.effectiveDate, lines: [{ kind: 'PRORATION', amount: quantityChangeValue(c.terms, c.effectiveDate, c.delta, net, 'USD').proration }] });
  }
  return invoices.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

describe('billing and recognition together (property)', () => {
  it('at each period end, deferred plus recognised equals the fixed consideration billed; every entry balances', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const built = buildObligations(s);
        const invoices = billingInvoices(s, built);
        const book: ObligationState[] = built.obligations.map((o) => ({ id: o.key, obligation: o, posted: 0n }));
        const journal: PostingLine[] = [];
        let billed = 0n;
        const last = periodOf(addDays(s.terms.endDate, 1)); // onboarding may complete after a cancellation
        for (let p = periodOf(s.terms.startDate); p <= last; p = nextPeriod(p)) {
          for (const inv of invoices.filter((i) => periodOf(i.date) === p)) {
            const total = inv.lines.reduce((a, l) => a + l.amount, 0n);
            const payload = {
              invoiceId: 'i', totalMinor: String(total), taxMinor: '0', creditAppliedMinor: '0',
              lines: inv.lines.map((l) => ({ kind: l.kind, amountMinor: String(l.amount) })),
            } as unknown as InvoicePostedV1;
            const entry = applyRules(POSTING_RULES, 'InvoicePosted', 'USD', invoiceComponents(payload));
            assertBalanced(entry);
            journal.push(...entry);
            billed += total;
          }
          const deltas = recognitionDeltas(book, p);
          const entry = applyRules(POSTING_RULES, 'RevenueRecognition', 'USD', recognitionComponents(deltas, (d) => d.obligationId));
          assertBalanced(entry);
          journal.push(...entry);
          for (const d of deltas) book.find((b) => b.id === d.obligationId)!.posted += d.amount;
          const tb = balances(journal);
          expect([...tb.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
          const deferred = -(tb.get('USD:2400') ?? 0n);
          const recognised = -((tb.get('USD:4000') ?? 0n) + (tb.get('USD:4200') ?? 0n));
          expect(deferred + recognised).toBe(billed);
          for (const b of book) expect(b.posted <= b.obligation.allocated).toBe(true);
        }
        for (const b of book) expect(b.posted).toBe(b.obligation.allocated);
      }),
      { numRuns: RUNS },
    );
  });
});
