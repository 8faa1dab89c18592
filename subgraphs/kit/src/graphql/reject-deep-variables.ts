import type { ApolloServerPlugin } from '@apollo/server';
import { badUserInput } from '../errors/client-error.ts';
import { withHttpStatus } from '../errors/http-status.ts';

/**
 * The maximum nesting of lists and objects in the value of one variable.
 * graphql-js coerces input values by recursion, and the gateway re-encodes
 * variables for the subgraphs with `JSON.stringify`, which also recurses, so
 * a value nested thousands of levels deep overflows the stack.
 */
export const maxVariableNesting = 64;

/**
 * Rejects an operation whose variables nest lists and objects deeper than
 * `maxVariableNesting` with BAD_USER_INPUT and HTTP 400, before the variables
 * are coerced.
 */
export function rejectDeepVariablesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const name = findDeepVariable(request.variables ?? {}, maxVariableNesting);
          if (name !== undefined) {
            throw withHttpStatus(
              badUserInput(`Variable "$${name}" nests lists and objects more than ${maxVariableNesting} levels deep. Send a value with at most ${maxVariableNesting} levels.`, {
                argument: name,
              }),
              400,
            );
          }
        },
      };
    },
  };
}

/**
 * Returns the name of the first variable whose value nests lists and objects
 * more than `maxNesting` levels deep. `{ "a": 1 }` has one level. The walk
 * keeps its own stack and stops below `maxNesting`, so no value can overflow
 * the call stack.
 */
export function findDeepVariable(variables: Readonly<Record<string, unknown>>, maxNesting: number): string | undefined {
  for (const [name, value] of Object.entries(variables)) {
    if (nestsDeeperThan(value, maxNesting)) return name;
  }
  return undefined;
}

function nestsDeeperThan(value: unknown, maxNesting: number): boolean {
  const pending: Array<{ readonly value: unknown; readonly level: number }> = [{ value, level: 1 }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    if (entry.value === null || typeof entry.value !== 'object') continue;
    if (entry.level > maxNesting) return true;
    for (const item of Object.values(entry.value)) pending.push({ value: item, level: entry.level + 1 });
  }
  return false;
}
