import { runSubgraphMain } from '@rg/kit';
import { contractSubgraph } from './index';

runSubgraphMain(contractSubgraph);
