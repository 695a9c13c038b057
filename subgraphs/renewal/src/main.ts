import { runSubgraphMain } from '@rg/kit';
import { renewalSubgraph } from './index';

runSubgraphMain(renewalSubgraph);
