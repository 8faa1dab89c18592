import { runSubgraph } from '@jobgraph/kit';
import { applicationsSubgraph } from './subgraph.ts';

await runSubgraph(applicationsSubgraph);
