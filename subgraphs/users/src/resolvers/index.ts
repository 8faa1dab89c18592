import { authResolvers } from './auth-resolvers.ts';
import { userResolvers } from './user-resolvers.ts';

export const resolvers = {
  Query: { ...userResolvers.Query },
  Mutation: { ...authResolvers.Mutation, ...userResolvers.Mutation },
  User: userResolvers.User,
  Tenant: userResolvers.Tenant,
  AuthPayload: authResolvers.AuthPayload,
};
