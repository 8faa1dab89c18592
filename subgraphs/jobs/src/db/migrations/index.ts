import type { Migrations } from '@jobgraph/kit';
import * as companiesAndJobs from './0001-companies-and-jobs.ts';

export const migrations: Migrations = {
  '0001-companies-and-jobs': companiesAndJobs,
};
