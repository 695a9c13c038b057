import { formatScaled, minorDigits } from '@rg/kit';

/** An amount as people read it in a sentence: "2,600.00 USD". */
export function amountText(minor: bigint, currency: string): string {
  const [whole, frac] = formatScaled(minor, minorDigits(currency)).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''} ${currency}`;
}

/** A whole number with thousands separators: "1,000,000". */
export const countText = (n: bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
