export interface OpenInvoice {
  id: string;
  dueMinor: bigint;
}

export interface PaymentApplication {
  applications: Array<{ invoiceId: string; amountMinor: bigint }>;
  /** What is left after every open invoice is paid: kept as customer credit. */
  unappliedMinor: bigint;
}

/** Applies a settled amount to the invoices in the order given (oldest first), the rest is credit. */
export function applyPayment(amountMinor: bigint, openInvoices: readonly OpenInvoice[]): PaymentApplication {
  let left = amountMinor;
  const applications: PaymentApplication['applications'] = [];
  for (const invoice of openInvoices) {
    if (left === 0n) break;
    if (invoice.dueMinor <= 0n) continue;
    const applied = invoice.dueMinor < left ? invoice.dueMinor : left;
    applications.push({ invoiceId: invoice.id, amountMinor: applied });
    left -= applied;
  }
  return { applications, unappliedMinor: left };
}
