import type { BillingFrequency, ChargeModel, ContractTermLine, ContractTerms } from '@rg/kit';
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
export interface ContractHeader {
  id: string;
  number: string;
  customerId: string;
  partnerId: string | null;
  legalEntityCode: string;
  taxRegion: string;
  currency: string;
  startDate: string;
  endDate: string;
  termMonths: number;
  billingFrequency: BillingFrequency;
}

/** The commercial terms of one version, as the published events carry them. */
export function toContractTerms(header: ContractHeader, version: number, lines: TermLine[]): ContractTerms {
  return {
    contractId: header.id,
    number: header.number,
    customerId: header.customerId,
    partnerId: header.partnerId,
    legalEntityCode: header.legalEntityCode,
    taxRegion: header.taxRegion,
    currency: header.currency,
    startDate: header.startDate,
    endDate: header.endDate,
    termMonths: header.termMonths,
    billingFrequency: header.billingFrequency,
    version,
    lines: lines.map(toTermLine),
  };
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
