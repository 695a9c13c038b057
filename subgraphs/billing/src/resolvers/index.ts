import type { Resolvers } from '../generated/resolvers';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Invoice } from './Invoice';
import { InvoiceLine } from './InvoiceLine';
import { Payment } from './Payment';
import { Customer } from './Customer';
import { Contract } from './Contract';

export const resolvers: Resolvers = { Query, Mutation, Invoice, InvoiceLine, Payment, Customer, Contract };
