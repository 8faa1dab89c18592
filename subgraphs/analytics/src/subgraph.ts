import { readFileSync } from 'node:fs';
import { defineSubgraph } from '@jobgraph/kit';
import { jobReplica } from './consumers/job-replica.ts';
import { metrics } from './consumers/metrics.ts';
import type { AnalyticsDatabase } from './db/database.ts';
import { migrations } from './db/migrations/index.ts';
import { createLoaders } from './loaders.ts';
import { keepAnalyticsHeaders } from './request-headers.ts';
import { resolvers } from './resolvers/index.ts';

/** The analytics subgraph: job views, and job, user and platform metrics rolled up from domain events. */
export const analyticsSubgraph = defineSubgraph({
  name: 'analytics',
  defaultPort: 4006,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  createLoaders,
  routes: (router) => keepAnalyticsHeaders(router),
  consumers: [jobReplica, metrics],
});

export type { AnalyticsDatabase };

export default analyticsSubgraph;
