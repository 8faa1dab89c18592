import type { Migrations } from '@jobgraph/kit';
import * as companiesAndJobs from './0001-companies-and-jobs.ts';
import * as categoriesSkillsAndJobFilters from './0002-categories-skills-and-job-filters.ts';
import * as leakproofSalaryOrder from './0003-leakproof-salary-order.ts';
import * as companyNameIndex from './0004-company-name-index.ts';

export const migrations: Migrations = {
  '0001-companies-and-jobs': companiesAndJobs,
  '0002-categories-skills-and-job-filters': categoriesSkillsAndJobFilters,
  '0003-leakproof-salary-order': leakproofSalaryOrder,
  '0004-company-name-index': companyNameIndex,
};
