import { readFileSync } from 'node:fs';
import { defineSubgraph } from '@jobgraph/kit';
import { jobReplica } from './consumers/job-replica.ts';
import { userRoleReplica } from './consumers/user-role-replica.ts';
import type { ApplicationsDatabase } from './db/database.ts';
import { migrations } from './db/migrations/index.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** The applications subgraph: applications, their status history and attachments, and interviews. */
export const applicationsSubgraph = defineSubgraph({
  name: 'applications',
  defaultPort: 4003,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  createLoaders,
  consumers: [jobReplica, userRoleReplica],
});

export type { ApplicationsDatabase };

export default applicationsSubgraph;
