import type { CatalogProduct } from '../domain/catalog';
import type { ContractRow, ContractStatus } from '../store/entities';

/** A product shown in one currency: the customer's, or the one the catalog was asked in. */
export interface PricedProduct {
  product: CatalogProduct;
  currency: string;
}

/** A contract as it stood at one version (the current one unless a version was asked for). */
export interface ContractView {
  row: ContractRow;
  version: number;
  status: ContractStatus;
}

export const currentView = (row: ContractRow): ContractView => ({ row, version: row.version, status: row.status });
