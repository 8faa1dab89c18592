import { jobAnalyticsResolvers } from './job-analytics.ts';
import { platformAnalyticsResolvers } from './platform-analytics.ts';
import { recordJobViewResolvers } from './record-job-view.ts';
import { userAnalyticsResolvers } from './user-analytics.ts';

export const resolvers = {
  Query: platformAnalyticsResolvers.Query,
  Mutation: recordJobViewResolvers.Mutation,
  Job: jobAnalyticsResolvers.Job,
  JobAnalytics: jobAnalyticsResolvers.JobAnalytics,
  User: userAnalyticsResolvers.User,
  JobView: recordJobViewResolvers.JobView,
};
