import { companyResolvers } from './company-resolvers.ts';
import { jobResolvers } from './job-resolvers.ts';

export const resolvers = {
  Query: { ...jobResolvers.Query, ...companyResolvers.Query },
  Job: jobResolvers.Job,
  Company: companyResolvers.Company,
};
