import { defineJobReplicaConsumer } from '@jobgraph/kit';
import type { ApplicationsDatabase } from '../db/database.ts';

/** Keeps each job's employer, status and deadline, which `applyToJob` and the employer's authorization read. */
export const jobReplica = defineJobReplicaConsumer<ApplicationsDatabase>('applications.job-replica', { withDeadline: true });
