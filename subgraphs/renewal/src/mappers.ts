import type { ArrChange, ArrMovement, RetentionReport } from './domain/retention';
import type { ForecastTotals } from './domain/forecast';
import type { RiskFactor } from './domain/risk-score';
import type { RenewalRow, RiskAssessmentRow } from './store/entities';

export type RenewalMapper = RenewalRow;
export type RiskAssessmentMapper = RiskAssessmentRow;
export type RiskSignalMapper = RiskFactor;
export type RenewalForecastMapper = { from: string; to: string; currency: string; totals: ForecastTotals };
export type RevenueRetentionMapper = RetentionReport & { currency: string };
export type ArrMovementMapper = ArrMovement & { currency: string };
export type ArrChangeMapper = ArrChange & { currency: string };
export type CustomerMapper = { id: string };
export type ContractMapper = { id: string };
