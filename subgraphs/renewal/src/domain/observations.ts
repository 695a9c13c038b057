import { addDays, daysBetween, divRound, parseScaled, periodEnd, periodOf, addMonths, periodStart } from '@rg/kit';
import { amountText, countText } from './amount-text';
import type { RiskModel } from './risk-model';
import type { RiskObservation, RiskSignals, UsageFact } from './risk-signals';

/** Each observer reads one kind of signal as of a business date; no signal, no observation. */

export function failedPayments(s: RiskSignals, asOf: string, model: RiskModel): RiskObservation[] {
  return s.paymentFailures
    .filter((p) => p.failedOn <= asOf && daysBetween(p.failedOn, asOf) < model.paymentFailure.lookbackDays)
    .map((p) => ({ kind: 'PAYMENT_FAILURE', occurredOn: p.failedOn, reason: `Payment failed on ${p.failedOn}: ${p.reason}` }));
}

export function overdueInvoices(s: RiskSignals, asOf: string, model: RiskModel): RiskObservation[] {
  const out: RiskObservation[] = [];
  for (const inv of s.invoices) {
    if (inv.issueDate > asOf || (inv.voidedOn && inv.voidedOn <= asOf)) continue;
    const daysLate = daysBetween(inv.dueDate, asOf);
    if (daysLate <= model.overdueInvoice.graceDays) continue;
    const paid = inv.payments.filter((p) => p.appliedOn <= asOf).reduce((sum, p) => sum + p.amountMinor, 0n);
    const open = inv.amountDueMinor - paid;
    if (open <= 0n) continue;
    out.push({
      kind: 'OVERDUE_INVOICE',
      occurredOn: inv.dueDate,
      reason: `Invoice ${inv.number} is ${daysLate} ${daysLate === 1 ? 'day' : 'days'} overdue: ${amountText(open, inv.currency)} unpaid since ${inv.dueDate}`,
    });
  }
  return out;
}

export function contractions(s: RiskSignals, asOf: string, model: RiskModel): RiskObservation[] {
  return s.contractions
    .filter((c) => c.effectiveDate <= asOf && daysBetween(c.effectiveDate, asOf) < model.contraction.lookbackDays)
    .map((c) => ({
      kind: 'CONTRACTION',
      occurredOn: c.effectiveDate,
      reason:
        c.quantityAfter === 0
          ? `${c.productName} removed from the contract on ${c.effectiveDate}`
          : `${c.productName} quantity reduced from ${c.quantityBefore} to ${c.quantityAfter} on ${c.effectiveDate}`,
    }));
}

export function creditHold(s: RiskSignals, asOf: string): RiskObservation[] {
  const latest = s.creditHolds
    .filter((c) => c.changedOn <= asOf)
    .reduce<RiskSignals['creditHolds'][number] | null>(
      (last, c) => (!last || c.changedOn > last.changedOn || (c.changedOn === last.changedOn && c.sequence > last.sequence) ? c : last),
      null,
    );
  if (!latest?.hold) return [];
  return [{ kind: 'CREDIT_HOLD', occurredOn: latest.changedOn, reason: `Customer on credit hold since ${latest.changedOn}: ${latest.reason}` }];
}

/** A month's usage is known once the month is over and billed. */
const publishedBy = (u: UsageFact, asOf: string) => addDays(periodEnd(u.month), 1) <= asOf;
const UNIT = 10n ** 6n;

/**
 * Usage falls when the latest published month is lower than the average of the months before it
 * (up to `baselineMonths` of them) by at least `minDropPercent`.
 */
export function usageDecline(s: RiskSignals, asOf: string, model: RiskModel): RiskObservation[] {
  const { baselineMonths, minDropPercent } = model.usageDecline;
  const byProduct = new Map<string, Map<string, bigint>>();
  for (const u of s.usage) {
    if (!publishedBy(u, asOf)) continue;
    const months = byProduct.get(u.productCode) ?? new Map<string, bigint>();
    months.set(u.month, parseScaled(u.quantity, 6));
    byProduct.set(u.productCode, months);
  }
  const out: RiskObservation[] = [];
  for (const [code, months] of [...byProduct].sort(([a], [b]) => a.localeCompare(b))) {
    const latest = [...months.keys()].sort().at(-1)!;
    const baseline: bigint[] = [];
    for (let back = 1; back <= baselineMonths; back++) {
      const q = months.get(periodOf(addMonths(periodStart(latest), -back)));
      if (q !== undefined) baseline.push(q);
    }
    if (baseline.length === 0) continue;
    const sum = baseline.reduce((a, b) => a + b, 0n);
    if (sum <= 0n) continue;
    const current = months.get(latest)!;
    const n = BigInt(baseline.length);
    const dropPercent = divRound((sum - current * n) * 100n, sum);
    if (dropPercent < BigInt(minDropPercent)) continue;
    const name = s.productNames[code] ?? code;
    const span = baseline.length === 1 ? 'the month before' : `the previous ${baseline.length} months`;
    out.push({
      kind: 'USAGE_DECLINE',
      occurredOn: periodEnd(latest),
      reason: `${name} usage fell ${dropPercent}% in ${latest}: ${countText(divRound(current, UNIT))} against an average of ${countText(divRound(sum, n * UNIT))} a month over ${span}`,
    });
  }
  return out;
}
