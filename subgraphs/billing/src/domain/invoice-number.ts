/** Invoice numbers are gapless per legal entity and year: US01-2026-000001. */
export const formatInvoiceNumber = (legalEntityCode: string, year: number, sequence: number): string =>
  `${legalEntityCode}-${year}-${String(sequence).padStart(6, '0')}`;
