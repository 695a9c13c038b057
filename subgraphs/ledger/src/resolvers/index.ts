import type { Resolvers } from '../generated/resolvers';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { JournalEntry, JournalLine } from './JournalEntry';
import { Contract, PerformanceObligation, RevenueSchedule } from './Contract';
import { Invoice } from './Invoice';

export const resolvers: Resolvers = { Query, Mutation, JournalEntry, JournalLine, Contract, RevenueSchedule, PerformanceObligation, Invoice };
