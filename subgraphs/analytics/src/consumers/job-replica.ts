import { defineJobReplicaConsumer } from '@jobgraph/kit';
import type { AnalyticsDatabase } from '../db/database.ts';

/** Keeps each job's employer and status, from which `recordJobView` and the analytics fields decide who may see a job and its numbers. */
export const jobReplica = defineJobReplicaConsumer<AnalyticsDatabase>('analytics.job-replica');
