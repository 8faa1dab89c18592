export { postGraphQL, startTestSupergraph, type GraphQLResponse, type RequestOptions, type TestSupergraph, type TestSupergraphOptions } from './start-test-supergraph.ts';
export { createTestTenant, createTestUser, testPassword, type TestTenant, type TestUser } from './test-accounts.ts';
export { createCast, waitFor, type Cast } from './test-cast.ts';
