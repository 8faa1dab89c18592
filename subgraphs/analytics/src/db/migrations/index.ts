import type { Migrations } from '@jobgraph/kit';
import * as replicaAndMetrics from './0001-replica-and-metrics.ts';

export const migrations: Migrations = {
  '0001-replica-and-metrics': replicaAndMetrics,
};
