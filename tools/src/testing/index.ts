export { postGraphQL, startTestSupergraph, type GraphQLResponse, type RequestOptions, type TestSupergraph, type TestSupergraphOptions } from './start-test-supergraph.ts';
