import { applyPayment } from '../../src/domain/payment-application';
import { amountDue, invoiceStatus, totalInvoice } from '../../src/domain/invoice-totals';
import { collectionsStatus } from '../../src/domain/collections';

describe('payment application', () => {
  const open = [
    { id: 'inv_old', dueMinor: 810_000n },
    { id: 'inv_new', dueMinor: 260_000n },
  ];

  it('pays the oldest open invoices first', () => {
    expect(applyPayment(900_000n, open)).toEqual({
      applications: [
        { invoiceId: 'inv_old', amountMinor: 810_000n },
        { invoiceId: 'inv_new', amountMinor: 90_000n },
      ],
      unappliedMinor: 0n,
    });
  });

  it('keeps an overpayment as unapplied credit', () => {
    expect(applyPayment(1_100_000n, open).unappliedMinor).toBe(30_000n);
    expect(applyPayment(5_000n, []).unappliedMinor).toBe(5_000n);
  });

  it('leaves a partially paid invoice PARTIALLY_PAID with the rest due', () => {
    const inv = { totalMinor: 260_000n, creditAppliedMinor: 0n, paidMinor: 100_000n };
    expect(invoiceStatus(inv)).toBe('PARTIALLY_PAID');
    expect(amountDue(inv)).toBe(160_000n);
    expect(invoiceStatus({ ...inv, paidMinor: 260_000n })).toBe('PAID');
    expect(invoiceStatus({ ...inv, paidMinor: 0n })).toBe('POSTED');
  });
});

describe('invoice totals', () => {
  it('taxes a EUR invoice at 19% per line and totals it', () => {
    const t = totalInvoice([{ amountMinor: 144_000n }, { amountMinor: 45_000n }, { amountMinor: 540_000n }], '19', 0n);
    expect(t.lines.map((l) => l.taxMinor)).toEqual([27_360n, 8_550n, 102_600n]);
    expect([t.subtotalMinor, t.taxMinor, t.totalMinor]).toEqual([729_000n, 138_510n, 867_510n]);
    expect(t.status).toBe('POSTED');
  });

  it('rounds tax per line, not on the subtotal', () => {
    // Three lines of 0.05 at 8.875%: 0.0044 each rounds to 0.00; on the 0.15 subtotal it would be 0.01.
    const t = totalInvoice([{ amountMinor: 5n }, { amountMinor: 5n }, { amountMinor: 5n }], '8.875', 0n);
    expect(t.taxMinor).toBe(0n);
  });

  it('consumes customer credit up to the total', () => {
    const t = totalInvoice([{ amountMinor: 260_000n }], '0', 30_000n);
    expect(t.creditAppliedMinor).toBe(30_000n);
    expect(amountDue({ ...t, paidMinor: 0n })).toBe(230_000n);
    const covered = totalInvoice([{ amountMinor: 10_000n }], '0', 30_000n);
    expect(covered.creditAppliedMinor).toBe(10_000n);
    expect(covered.status).toBe('PAID');
  });

  it('turns a negative invoice into customer credit', () => {
    const t = totalInvoice([{ amountMinor: -25_806n }], '0', 0n);
    expect(t.creditIssuedMinor).toBe(25_806n);
    expect(t.creditAppliedMinor).toBe(0n);
    expect(t.status).toBe('PAID');
  });
});

describe('collections status', () => {
  const invoice = (id: string, dueDate: string, dueMinor: bigint) => ({ id, dueDate, dueMinor });

  it.each([
    ['2026-01-31', 'CURRENT', 0],
    ['2026-02-01', 'DAYS_1_30', 1],
    ['2026-03-02', 'DAYS_1_30', 30],
    ['2026-03-03', 'DAYS_31_60', 31],
    ['2026-04-01', 'DAYS_31_60', 60],
    ['2026-04-02', 'DAYS_61_90', 61],
    ['2026-05-01', 'DAYS_61_90', 90],
    ['2026-05-02', 'DAYS_90_PLUS', 91],
  ])('as of %s the bucket is %s (%i days)', (asOf, bucket, days) => {
    const s = collectionsStatus({ openInvoices: [invoice('inv_1', '2026-01-31', 810_000n)], failedPaymentDates: [], asOf });
    expect(s.bucket).toBe(bucket);
    expect(s.daysOverdue).toBe(days);
  });

  it('ages by the oldest overdue invoice and ignores settled ones', () => {
    const s = collectionsStatus({
      openInvoices: [invoice('inv_2', '2026-03-03', 260_000n), invoice('inv_1', '2026-01-31', 0n), invoice('inv_0', '2026-02-15', 100n)],
      failedPaymentDates: [],
      asOf: '2026-04-01',
    });
    expect(s.oldestOverdueInvoice?.id).toBe('inv_0');
    expect(s.daysOverdue).toBe(45);
  });

  it('counts failed payments of the last 90 days', () => {
    const s = collectionsStatus({ openInvoices: [], failedPaymentDates: ['2026-02-10', '2025-11-01', '2026-05-10', '2026-05-11'], asOf: '2026-05-10' });
    expect(s.failedPaymentsLast90Days).toBe(2);
    expect(s.bucket).toBe('CURRENT');
    expect(s.oldestOverdueInvoice).toBeNull();
  });
});
