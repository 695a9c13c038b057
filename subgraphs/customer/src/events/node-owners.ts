import {
  versioned,
  type ContractActivatedV1,
  type ContractAmendedV1,
  type ContractCancelledV1,
  type EventHandlers,
  type HandlerTx,
  type InvoicePostedV1,
  type PaymentFailedV1,
  type PaymentSettledV1,
} from '@rg/kit';

/**
 * `node(id:)` answers a partner only for objects of the customers it owns. Other subgraphs own
 * contracts, amendments, invoices and payments; this subgraph learns whose they are from events.
 */
const own = (tx: HandlerTx, nodeId: string, customerId: string) =>
  tx.manager.query(`INSERT INTO node_owner (node_id, customer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [nodeId, customerId]);

export const nodeOwnerHandlers: EventHandlers = {
  ContractActivated: versioned<ContractActivatedV1>(1, (p, _e, tx) => own(tx, p.contractId, p.customerId)),
  ContractAmended: versioned<ContractAmendedV1>(1, (p, _e, tx) => own(tx, p.amendmentId, p.customerId)),
  ContractCancelled: versioned<ContractCancelledV1>(1, (p, _e, tx) => own(tx, p.amendmentId, p.customerId)),
  InvoicePosted: versioned<InvoicePostedV1>(1, (p, _e, tx) => own(tx, p.invoiceId, p.customerId)),
  PaymentSettled: versioned<PaymentSettledV1>(1, (p, _e, tx) => own(tx, p.paymentId, p.customerId)),
  PaymentFailed: versioned<PaymentFailedV1>(1, (p, _e, tx) => own(tx, p.paymentId, p.customerId)),
};
