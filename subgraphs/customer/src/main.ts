import { runSubgraphMain } from '@rg/kit';
import { customerSubgraph } from './index';

runSubgraphMain(customerSubgraph);
