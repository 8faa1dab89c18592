import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { badUserInput } from '../errors/client-error.ts';
import { withHttpStatus } from '../errors/http-status.ts';

/**
 * Rejects an operation whose string arguments or variables contain a NUL
 * character (U+0000) with BAD_USER_INPUT. PostgreSQL cannot store NUL in
 * text, so without this check such input fails deep in a query as an
 * internal error.
 */
export function rejectNulCharactersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const path = findNulInValue(request.variables ?? {}, '$') ?? findNulInDocument(document);
          if (path) {
            throw withHttpStatus(badUserInput(`${path} contains a NUL character (U+0000), which text cannot hold; remove it and send the request again.`), 400);
          }
        },
      };
    },
  };
}

function findNulInValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulInValue(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulInValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function findNulInDocument(document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (found) return;
      visit(node.value, {
        [Kind.STRING](value) {
          if (value.value.includes('\u0000')) found = `Argument "${node.name.value}"`;
        },
      });
    },
  });
  return found;
}
