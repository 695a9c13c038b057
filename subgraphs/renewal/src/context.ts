import type { SubgraphContext } from '@rg/kit';
import type { Loaders } from './store/loaders';

export type Context = SubgraphContext<Loaders>;
