import type { MutationResolvers } from '../generated/resolvers';
import { contractMutations } from './contract-mutations';
import { quoteMutations } from './quote-mutations';

export const Mutation: MutationResolvers = { ...quoteMutations, ...contractMutations };
