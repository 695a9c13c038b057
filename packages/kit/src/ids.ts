import { randomUUID } from 'node:crypto';

/**
 * Public ids carry their type as a prefix (`inv_…`), so `node(id:)` can route an id to its type
 * without a lookup.
 */
export const ID_PREFIXES = {
  Customer: 'cus',
  Quote: 'quo',
  Contract: 'ctr',
  Amendment: 'amd',
  Invoice: 'inv',
  Payment: 'pay',
  JournalEntry: 'jen',
  Renewal: 'ren',
} as const;
export type NodeType = keyof typeof ID_PREFIXES;

export const newId = (type: NodeType): string => `${ID_PREFIXES[type]}_${randomUUID().replace(/-/g, '')}`;

export function typeOfId(id: string): NodeType | null {
  const prefix = id.split('_')[0];
  const found = Object.entries(ID_PREFIXES).find(([, p]) => p === prefix);
  return found ? (found[0] as NodeType) : null;
}
