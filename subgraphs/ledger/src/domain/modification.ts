import { addDays, microsToMinor, type BusinessDate, type ContractAmendedV1, type ContractCancelledV1, type ContractTermLine, type ContractTerms } from '@rg/kit';
import { quantityChangeValue } from './billing-periods';
import { earnedBy, pointInTimeObligation, ratableObligation, scheduledPrice, type Obligation } from './obligations';
import { respread } from './ratable';

const lineOf = (terms: ContractTerms, code: string) => terms.lines.find((l) => l.productCode === code);

/**
 * Takes `credited` off the remaining (unearned) price of the product's ratable obligations, newest
 * first, and spreads what is left of each from `from` to `end` (prospective treatment).
 */
function reduceProspectively(
  obligations: Obligation[],
  productCode: string,
  credited: bigint,
  from: BusinessDate,
  end: (ob: Obligation) => BusinessDate,
): Obligation[] {
  let left = credited;
  const affected = obligations
    .map((ob, i) => ({ ob, i }))
    .filter(({ ob }) => ob.pattern === 'RATABLE' && ob.productCode === productCode && ob.serviceEnd! >= from)
    .reverse();
  const out = [...obligations];
  for (const { ob, i } of affected) {
    const total = scheduledPrice(ob);
    const remaining = total - earnedBy(ob, addDays(from, -1));
    const take = left < remaining ? left : remaining > 0n ? remaining : 0n;
    left -= take;
    const newEnd = end(ob);
    const segments = respread(ob.segments, from, total - take, newEnd);
    const last = segments[segments.length - 1];
    out[i] = { ...ob, segments, allocated: last.prior + last.amount, serviceEnd: newEnd };
  }
  return out;
}

/** A one-time obligation not yet delivered loses the credited quantity's price. */
function reduceUndelivered(obligations: Obligation[], productCode: string, credited: bigint): Obligation[] {
  let left = credited;
  return obligations.map((ob) => {
    if (ob.pattern !== 'POINT_IN_TIME' || ob.productCode !== productCode || ob.deliveredOn || left === 0n) return ob;
    const take = left < ob.allocated ? left : ob.allocated;
    left -= take;
    return { ...ob, allocated: ob.allocated - take };
  });
}

function changeValue(terms: ContractTerms, line: ContractTermLine, effective: BusinessDate, delta: number): bigint {
  if (line.chargeModel === 'ONE_TIME') return microsToMinor(BigInt(delta) * BigInt(line.netUnitPriceMicros), terms.currency);
  const { proration, laterPeriods } = quantityChangeValue(terms, effective, delta, BigInt(line.netUnitPriceMicros), terms.currency);
  return proration + laterPeriods;
}

/**
 * A quantity increase (or added product) is a new obligation for distinct services at SSP: priced
 * at the proration plus the added charge of each later billing period, earned from the effective
 * date to the contract end. A decrease or removal takes what billing credits off the affected
 * obligation's remaining price and spreads the rest over its remaining days.
 */
export function applyAmendment(obligations: Obligation[], ev: ContractAmendedV1): Obligation[] {
  let out = [...obligations];
  for (const change of ev.changes) {
    const line = lineOf(ev.after, change.productCode) ?? lineOf(ev.before, change.productCode);
    if (!line || line.chargeModel === 'TIERED_USAGE') continue;
    const delta = change.quantityAfter - change.quantityBefore;
    if (delta === 0) continue;
    const value = changeValue(ev.after, line, ev.effectiveDate, delta);
    const key = `amendment:${ev.amendmentId}:${line.productCode}`;
    const added = { productCode: line.productCode, productName: line.productName, quantity: delta };
    if (delta > 0) {
      out.push(
        line.chargeModel === 'ONE_TIME'
          ? pointInTimeObligation(key, added, value, ev.after.currency)
          : ratableObligation(key, added, value, ev.after.currency, ev.effectiveDate, ev.after.endDate),
      );
      out[out.length - 1].description = `${line.productName} +${delta} from ${ev.effectiveDate}`;
    } else if (line.chargeModel === 'ONE_TIME') {
      out = reduceUndelivered(out, line.productCode, -value);
    } else {
      out = reduceProspectively(out, line.productCode, -value, ev.effectiveDate, (ob) => ob.serviceEnd!);
    }
  }
  return out;
}

/**
 * A cancellation ends every ratable obligation on the day before its effective date; what billing
 * credits for the unserved rest of the term comes off their remaining price.
 */
export function applyCancellation(obligations: Obligation[], ev: ContractCancelledV1): Obligation[] {
  const lastDay = addDays(ev.effectiveDate, -1);
  let out = [...obligations];
  const codes = new Set(out.filter((ob) => ob.pattern === 'RATABLE').map((ob) => ob.productCode));
  for (const code of codes) {
    const line = lineOf(ev.before, code);
    const credited =
      line && line.quantity > 0 && ev.effectiveDate <= ev.before.endDate
        ? -changeValue(ev.before, line, ev.effectiveDate, -line.quantity)
        : 0n;
    out = reduceProspectively(out, code, credited, ev.effectiveDate, (ob) => (ob.serviceEnd! < lastDay ? ob.serviceEnd! : lastDay));
  }
  return out;
}
