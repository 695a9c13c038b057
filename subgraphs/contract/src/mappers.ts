import type { AmendmentRow, ContractLineRow, QuoteLineRow, QuoteRow } from './store/entities';
import type { ContractView, PricedProduct } from './resolvers/views';

export type ProductMapper = PricedProduct;
export type QuoteMapper = QuoteRow;
export type QuoteLineMapper = { line: QuoteLineRow; currency: string };
export type ContractMapper = ContractView;
export type ContractLineMapper = { line: ContractLineRow; currency: string };
export type AmendmentMapper = AmendmentRow;
export type CustomerMapper = { id: string };
