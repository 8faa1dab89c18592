import { categoryResolvers } from './category-resolvers.ts';
import { companyMutations } from './company-mutations.ts';
import { companyResolvers } from './company-resolvers.ts';
import { importJobs } from './import-jobs.ts';
import { jobMutations } from './job-mutations.ts';
import { jobResolvers } from './job-resolvers.ts';
import { skillResolvers } from './skill-resolvers.ts';

export const resolvers = {
  Query: { ...jobResolvers.Query, ...companyResolvers.Query, ...categoryResolvers.Query, ...skillResolvers.Query },
  Mutation: { ...companyMutations, ...jobMutations, importJobs, ...skillResolvers.Mutation },
  Job: jobResolvers.Job,
  JobSkill: jobResolvers.JobSkill,
  Company: companyResolvers.Company,
  JobCategory: categoryResolvers.JobCategory,
  Skill: skillResolvers.Skill,
};
