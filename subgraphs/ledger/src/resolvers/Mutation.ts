import type { MutationResolvers } from '../generated/resolvers';
import { runRevenueRecognition } from './recognition-mutations';
import { closePeriod, reopenPeriod } from './period-mutations';
import { discardDeadLetter, retryDeadLetter } from './dead-letter-mutations';

export const Mutation: MutationResolvers = { runRevenueRecognition, closePeriod, reopenPeriod, retryDeadLetter, discardDeadLetter };
