import { runSubgraphMain } from '@rg/kit';
import { ledgerSubgraph } from './index';

runSubgraphMain(ledgerSubgraph);
