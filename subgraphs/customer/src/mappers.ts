import type { CustomerRow, LegalEntityRow } from './store/entities';

export type CustomerMapper = CustomerRow;
export type LegalEntityMapper = LegalEntityRow;
