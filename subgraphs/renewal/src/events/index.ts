import type { EventHandlers } from '@rg/kit';
import { billingHandlers } from './billing-handlers';
import { contractHandlers } from './contract-handlers';
import { customerHandlers } from './customer-handlers';

export const handlers: EventHandlers = { ...contractHandlers, ...billingHandlers, ...customerHandlers };
