import type { Resolvers } from '../generated/resolvers';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Customer } from './Customer';
import { LegalEntity } from './LegalEntity';
import { Node } from './Node';

export const resolvers: Resolvers = { Query, Mutation, Customer, LegalEntity, Node };
