import { ApolloArmor } from '@escape.tech/graphql-armor';
import { readPositiveInteger, type Env } from '@jobgraph/kit';

/** Limits on the shape of an operation, checked before any subgraph is called. */
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
 * The defaults admit the JobPage query of the design with room to spare.
 */
export function readOperationLimits(env: Env): OperationLimits {
  return {
    maxDepth: readPositiveInteger(env, 'GRAPHQL_MAX_DEPTH', 12),
    maxAliases: readPositiveInteger(env, 'GRAPHQL_MAX_ALIASES', 15),
    maxCost: readPositiveInteger(env, 'GRAPHQL_MAX_COST', 5_000),
    maxTokens: readPositiveInteger(env, 'GRAPHQL_MAX_TOKENS', 2_000),
    maxDirectives: readPositiveInteger(env, 'GRAPHQL_MAX_DIRECTIVES', 30),
  };
}

/**
 * Builds the Apollo Server plugins and validation rules that reject an
 * operation over the limits with BAD_USER_INPUT, before it is planned.
 * Field suggestions ("Did you mean ...?") stay on: the schema is public
 * through introspection anyway.
 */
export function protectOperations(limits: OperationLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
