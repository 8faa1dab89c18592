import { userResolvers } from './user-resolvers.ts';

export const resolvers = {
  ...userResolvers,
};
