import type { Resolvers } from '../generated/resolvers';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Renewal } from './Renewal';
import { RiskAssessment } from './RiskAssessment';
import { RenewalForecast } from './RenewalForecast';
import { ArrChange, ArrMovement, RevenueRetention } from './RevenueRetention';
import { Customer } from './Customer';
import { Contract } from './Contract';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Renewal,
  RiskAssessment,
  RenewalForecast,
  RevenueRetention,
  ArrMovement,
  ArrChange,
  Customer,
  Contract,
};
