import type { Resolvers } from '../generated/resolvers';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Product } from './Product';
import { Quote } from './Quote';
import { QuoteLine } from './QuoteLine';
import { Contract } from './Contract';
import { ContractLine } from './ContractLine';
import { Amendment } from './Amendment';
import { Customer } from './Customer';

export const resolvers: Resolvers = { Query, Mutation, Product, Quote, QuoteLine, Contract, ContractLine, Amendment, Customer };
