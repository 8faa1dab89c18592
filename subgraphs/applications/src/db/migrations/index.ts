import type { Migrations } from '@jobgraph/kit';
import * as replicasApplicationsAndInterviews from './0001-replicas-applications-and-interviews.ts';

export const migrations: Migrations = {
  '0001-replicas-applications-and-interviews': replicasApplicationsAndInterviews,
};
