import type { SubgraphContext } from '@rg/kit';
export type Context = SubgraphContext<unknown>;
