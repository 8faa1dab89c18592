import { runSubgraph } from '@jobgraph/kit';
import { analyticsSubgraph } from './subgraph.ts';

await runSubgraph(analyticsSubgraph);
