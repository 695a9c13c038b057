import type { ChargeModel, ContractTermLine, ContractTerms } from '@rg/kit';
import { formatDiscount } from './discount';

/** One line of one contract version, priced at the terms agreed. */
export interface TermLine {
  productCode: string;
  productName: string;
  chargeModel: ChargeModel;
  includedUnits: number | null;
  quantity: number;
  discountHundredths: bigint;
  listMicros: bigint;
  netMicros: bigint;
  sspMicros: bigint;
}

/** What stays fixed across a contract's versions. */
export type ContractHeader = Omit<ContractTerms, 'version' | 'lines'>;

/** The commercial terms of one version, as the published events carry them. */
export function toContractTerms(header: ContractHeader, version: number, lines: TermLine[]): ContractTerms {
  return { ...header, version, lines: lines.map(toTermLine) };
}

const toTermLine = (l: TermLine): ContractTermLine => ({
  productCode: l.productCode,
  productName: l.productName,
  chargeModel: l.chargeModel,
  quantity: l.quantity,
  discountPercent: formatDiscount(l.discountHundredths),
  listUnitPriceMicros: l.listMicros.toString(),
  netUnitPriceMicros: l.netMicros.toString(),
  sspUnitPriceMicros: l.sspMicros.toString(),
  includedUnits: l.includedUnits,
});
