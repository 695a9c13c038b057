import { runSubgraphMain } from '@rg/kit';
import { billingSubgraph } from './index';

runSubgraphMain(billingSubgraph);
