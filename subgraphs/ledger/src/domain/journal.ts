import type { InvoicePostedV1, PaymentSettledV1 } from '@rg/kit';
import type { PostingRule } from './posting-rules';

/** A journal line in domain terms: positive amounts are debits, negative are credits. */
export interface PostingLine {
  account: string;
  currency: string;
  amount: bigint;
  invoiceId: string | null;
  obligationId: string | null;
  memo: string | null;
}

/** One measured piece of a business event, tagged with what it concerns. */
export interface Component {
  component: string;
  amount: bigint;
  invoiceId?: string | null;
  obligationId?: string | null;
  memo?: string | null;
}

export class UnbalancedPostingError extends Error {}

/** Books the components of an event by the rules; refuses a result that does not balance. */
export function applyRules(
  rules: readonly PostingRule[],
  eventType: string,
  currency: string,
  components: readonly Component[],
): PostingLine[] {
  const lines: PostingLine[] = [];
  for (const c of components) {
    if (c.amount === 0n) continue;
    const matching = rules.filter((r) => r.eventType === eventType && r.component === c.component);
    if (matching.length === 0) throw new UnbalancedPostingError(`No posting rule for ${eventType}/${c.component}`);
    for (const r of matching) {
      lines.push({
        account: r.account,
        currency,
        amount: r.side === 'DEBIT' ? c.amount : -c.amount,
        invoiceId: c.invoiceId ?? null,
        obligationId: c.obligationId ?? null,
        memo: c.memo ?? null,
      });
    }
  }
  assertBalanced(lines);
  return lines;
}

/** Debits equal credits per currency. */
export function assertBalanced(lines: readonly PostingLine[]): void {
  const sums = new Map<string, bigint>();
  for (const l of lines) sums.set(l.currency, (sums.get(l.currency) ?? 0n) + l.amount);
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new UnbalancedPostingError(`Entry does not balance in ${currency}: off by ${sum}`);
  }
}

/** Dr AR the total; Cr deferred revenue, usage revenue and tax by line kind. */
export function invoiceComponents(inv: InvoicePostedV1): Component[] {
  const byKind = new Map<string, bigint>();
  for (const line of inv.lines) byKind.set(line.kind, (byKind.get(line.kind) ?? 0n) + BigInt(line.amountMinor));
  const tag = { invoiceId: inv.invoiceId };
  const creditApplied = BigInt(inv.creditAppliedMinor ?? '0');
  return [
    { component: 'TOTAL', amount: BigInt(inv.totalMinor), ...tag },
    ...[...byKind].map(([kind, amount]) => ({ component: kind, amount, ...tag })),
    { component: 'TAX', amount: BigInt(inv.taxMinor), ...tag },
    { component: 'CREDIT_APPLIED_FROM', amount: creditApplied },
    { component: 'CREDIT_APPLIED_TO', amount: creditApplied, ...tag },
  ];
}

/** Dr cash what was received; Cr AR per invoice it settles, and the rest as customer credit. */
export function paymentComponents(p: PaymentSettledV1): Component[] {
  const unapplied = BigInt(p.unappliedMinor ?? '0');
  const applications =
    p.applications?.length || !p.invoiceId
      ? p.applications ?? []
      : [{ invoiceId: p.invoiceId, amountMinor: String(BigInt(p.amountMinor) - unapplied) }];
  const applied = applications.map((a) => ({ component: 'APPLIED', amount: BigInt(a.amountMinor), invoiceId: a.invoiceId }));
  return [
    { component: 'RECEIVED', amount: BigInt(p.amountMinor) },
    ...applied,
    { component: 'UNAPPLIED', amount: unapplied },
  ];
}

/** The mirror of an entry: every line on the other side. */
export const reversalOf = (lines: readonly PostingLine[]): PostingLine[] => lines.map((l) => ({ ...l, amount: -l.amount }));

/** Net balance (debit positive) per currency and account. */
export function balances(lines: readonly PostingLine[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const l of lines) {
    const key = `${l.currency}:${l.account}`;
    out.set(key, (out.get(key) ?? 0n) + l.amount);
  }
  return out;
}
