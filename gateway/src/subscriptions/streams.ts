import type {
  ContractActivatedV1,
  ContractAmendedV1,
  ContractCancelledV1,
  EventEnvelope,
  PaymentFailedV1,
  PaymentSettledV1,
} from '@rg/kit';

/**
 * The two subscription root fields: which log events feed them, how their arguments filter, and
 * how an event's entities are fetched from the graph (a root query field and the id it takes).
 */
export type StreamName = 'amendmentEvents' | 'paymentEvents';

export interface StreamFilter {
  customerId: string | null;
  contractId: string | null;
}

/** An entity field of the event type, fetched through a root query field of the graph. */
export interface EntityField {
  /** The root query field that returns it (node for types without their own). */
  queryField: string;
  /** For node(id): the concrete type to select on. */
  onType?: string;
  /** Extra arguments taken from the event, when the graph's query field accepts them. */
  extraArgs?: Array<{ name: string; type: string }>;
}

export interface EventEntities {
  ids: Record<string, string | null>;
  extra: Record<string, unknown>;
}

export interface StreamKind {
  name: StreamName;
  eventTypeName: 'AmendmentEvent' | 'PaymentEvent';
  logTypes: readonly string[];
  fields: Record<string, EntityField>;
  /** The customer the event belongs to (partner scope and the customerId filter). */
  customerOf(event: EventEnvelope): string | null;
  contractOf(event: EventEnvelope): string | null;
  typeOf(event: EventEnvelope): string;
  entitiesOf(event: EventEnvelope): EventEntities;
}

const contractEvent = (e: EventEnvelope) => e.payload as Partial<ContractAmendedV1 & ContractCancelledV1 & ContractActivatedV1>;
const paymentEvent = (e: EventEnvelope) => e.payload as PaymentSettledV1 | PaymentFailedV1;

export const AMENDMENT_STREAM: StreamKind = {
  name: 'amendmentEvents',
  eventTypeName: 'AmendmentEvent',
  logTypes: ['ContractActivated', 'ContractAmended', 'ContractCancelled'],
  fields: {
    contract: { queryField: 'contract', extraArgs: [{ name: 'version', type: 'Int' }] },
    amendment: { queryField: 'node', onType: 'Amendment' },
  },
  customerOf: (e) => contractEvent(e).customerId ?? null,
  contractOf: (e) => contractEvent(e).contractId ?? null,
  typeOf: (e) =>
    e.type === 'ContractActivated' ? 'ACTIVATION' : e.type === 'ContractCancelled' ? 'CANCELLATION' : (contractEvent(e).kind ?? 'AMENDMENT'),
  entitiesOf: (e) => {
    const p = contractEvent(e);
    return {
      ids: { contract: p.contractId ?? null, amendment: p.amendmentId ?? null },
      extra: { version: typeof p.version === 'number' ? p.version : null },
    };
  },
};

export const PAYMENT_STREAM: StreamKind = {
  name: 'paymentEvents',
  eventTypeName: 'PaymentEvent',
  logTypes: ['PaymentSettled', 'PaymentFailed'],
  fields: {
    payment: { queryField: 'payment' },
    customer: { queryField: 'customer' },
    invoice: { queryField: 'invoice' },
  },
  customerOf: (e) => paymentEvent(e).customerId ?? null,
  contractOf: () => null,
  typeOf: (e) => (e.type === 'PaymentFailed' ? 'FAILED' : 'SETTLED'),
  entitiesOf: (e) => {
    const p = paymentEvent(e);
    return { ids: { payment: p.paymentId, customer: p.customerId, invoice: p.invoiceId ?? null }, extra: {} };
  },
};

export const STREAMS: Record<StreamName, StreamKind> = {
  amendmentEvents: AMENDMENT_STREAM,
  paymentEvents: PAYMENT_STREAM,
};

export const matchesFilter = (kind: StreamKind, filter: StreamFilter, event: EventEnvelope): boolean =>
  kind.logTypes.includes(event.type) &&
  (!filter.customerId || kind.customerOf(event) === filter.customerId) &&
  (!filter.contractId || kind.contractOf(event) === filter.contractId);
