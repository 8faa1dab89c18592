import { composeServices } from '@apollo/composition';
import type { SubgraphDefinition } from '@jobgraph/kit';
import { parse } from 'graphql';

export type CompositionResult = { readonly supergraphSdl: string; readonly errors?: undefined } | { readonly supergraphSdl?: undefined; readonly errors: readonly string[] };

/**
 * Composes subgraph SDLs into a Federation 2 supergraph with Apollo's
 * composition library. `urlOf` gives the URL written for each subgraph.
 */
export function composeSupergraph(definitions: readonly SubgraphDefinition[], urlOf: (definition: SubgraphDefinition) => string): CompositionResult {
  const result = composeServices(
    definitions.map((definition) => ({ name: definition.name, url: urlOf(definition), typeDefs: parse(definition.typeDefs) })),
  );
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  return { supergraphSdl: result.supergraphSdl };
}

/** The URL a subgraph has when it runs on its default port. */
export const defaultSubgraphUrl = (definition: SubgraphDefinition): string => `http://localhost:${definition.defaultPort}/graphql`;
