import { runSubgraph } from '@jobgraph/kit';
import { usersSubgraph } from './subgraph.ts';

await runSubgraph(usersSubgraph);
