import { applicationLists } from './application-lists.ts';
import { applicationMutations } from './application-mutations.ts';
import { applicationResolvers } from './application-resolvers.ts';
import { interviewMutations } from './interview-mutations.ts';
import { interviewResolvers } from './interview-resolvers.ts';

export const resolvers = {
  Query: { ...applicationResolvers.Query, ...interviewResolvers.Query },
  Mutation: { ...applicationMutations, ...interviewMutations },
  Application: applicationResolvers.Application,
  ApplicationStatusChange: applicationResolvers.ApplicationStatusChange,
  ApplicationAttachment: applicationResolvers.ApplicationAttachment,
  Interview: interviewResolvers.Interview,
  Job: applicationLists.Job,
  User: applicationLists.User,
};
