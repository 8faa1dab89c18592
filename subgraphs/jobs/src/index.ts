import { runSubgraph } from '@jobgraph/kit';
import { jobsSubgraph } from './subgraph.ts';

await runSubgraph(jobsSubgraph);
