import { readFileSync } from 'node:fs';
import { defineSubgraph } from '@jobgraph/kit';
import { migrations } from './db/migrations/index.ts';
import { seedDemo } from './demo.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** The jobs subgraph: companies, jobs, categories and skills. */
export const jobsSubgraph = defineSubgraph({
  name: 'jobs',
  defaultPort: 4002,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  createLoaders,
  seedDemo,
});

export type { JobsDatabase } from './db/database.ts';

export default jobsSubgraph;
