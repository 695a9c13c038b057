import type { LegalEntityResolvers } from '../generated/resolvers';

export const LegalEntity: LegalEntityResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.legalEntityByCode.load(ref.code),
  id: (le) => le.code,
};
