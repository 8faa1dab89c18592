import { ApolloArmor } from '@escape.tech/graphql-armor';
import { readPositiveInteger, type Env } from '../config/env.ts';

/** Limits on the shape of an operation, checked before it is planned or executed. */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
}

/**
 * Reads the limits from `GRAPHQL_MAX_DEPTH`, `GRAPHQL_MAX_ALIASES`,
 * `GRAPHQL_MAX_COST`, `GRAPHQL_MAX_TOKENS` and `GRAPHQL_MAX_DIRECTIVES`.
 * The defaults admit every document in schema/operations/, which the schema
 * check verifies, with room to spare.
 */
export function readOperationLimits(env: Env): OperationLimits {
  return {
    maxDepth: readPositiveInteger(env, 'GRAPHQL_MAX_DEPTH', 12),
    maxAliases: readPositiveInteger(env, 'GRAPHQL_MAX_ALIASES', 15),
    maxCost: readPositiveInteger(env, 'GRAPHQL_MAX_COST', 50_000),
    maxTokens: readPositiveInteger(env, 'GRAPHQL_MAX_TOKENS', 2_000),
    maxDirectives: readPositiveInteger(env, 'GRAPHQL_MAX_DIRECTIVES', 30),
  };
}

/**
 * Builds the Apollo Server plugins and validation rules that reject an
 * operation over the limits with BAD_USER_INPUT, before it is planned. The
 * gateway applies them, and every subgraph again, since a subgraph can be
 * reached without the gateway.
 * Field suggestions ("Did you mean ...?") stay on: the schema is public
 * through introspection anyway.
 * graphql-armor's token limit stays off. It parses the document in Apollo
 * Server's `parsingDidStart` hook, where any error, a plain syntax error
 * included, escapes the request pipeline and gets HTTP 500.
 * `rejectOverLimitDocuments` checks the token limit before Apollo Server runs.
 */
export function protectOperations(limits: OperationLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

const limitMessage = /^Syntax Error: ((?:Aliases|Query depth|Query Cost|Directives) limit of \d+ exceeded(?:, found [\d.]+)?\.?)$/i;

/** Builds the message of an operation that breaks `limit`, such as "Aliases limit of 15 exceeded, found 16.", with what to do. */
export function limitRejection(limit: string): string {
  return `Operation rejected: ${limit} Ask for less in one operation (fewer aliases, less nesting, smaller pages) or split it into several requests.`;
}

/**
 * Rewrites graphql-armor's rejection messages, which start with "Syntax
 * Error:" although the document parsed, into a message that states what to do.
 * Returns other messages unchanged.
 */
export function describeLimitRejection(message: string): string {
  const match = limitMessage.exec(message);
  if (!match) return message;
  return limitRejection(match[1]!);
}
