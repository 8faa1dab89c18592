import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { badUserInput } from '../errors/client-error.ts';
import { withHttpStatus } from '../errors/http-status.ts';
import { maxVariableNesting } from './reject-deep-variables.ts';

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

interface PendingValue {
  readonly value: unknown;
  readonly key: string;
  readonly parent: PendingValue | undefined;
  readonly level: number;
}

/**
 * Returns the path of the first string in `value` that contains a NUL
 * character, such as `$.input.title`. The walk keeps its own stack, and it
 * does not descend below `maxVariableNesting`, where `rejectDeepVariablesPlugin`
 * rejects the value, so a deeply nested value cannot overflow the call stack.
 */
function findNulInValue(value: unknown, root: string): string | undefined {
  const pending: PendingValue[] = [{ value, key: root, parent: undefined, level: 0 }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    if (typeof entry.value === 'string') {
      if (entry.value.includes('\u0000')) return pathOf(entry);
      continue;
    }
    if (entry.value === null || typeof entry.value !== 'object' || entry.level > maxVariableNesting) continue;
    const isList = Array.isArray(entry.value);
    const children = Object.entries(entry.value);
    // Pushed last to first, so that the first string in document order is found first.
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const [key, item] = children[index]!;
      pending.push({ value: item, key: isList ? `[${key}]` : `.${key}`, parent: entry, level: entry.level + 1 });
    }
  }
  return undefined;
}

function pathOf(entry: PendingValue): string {
  const keys: string[] = [];
  for (let current: PendingValue | undefined = entry; current !== undefined; current = current.parent) keys.push(current.key);
  return keys.reverse().join('');
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
