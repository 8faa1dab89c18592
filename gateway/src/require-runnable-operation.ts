import type { ApolloServerPlugin } from '@apollo/server';
import { badUserInput, quoteValue, withHttpStatus } from '@jobgraph/kit';
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * Rejects a request with BAD_USER_INPUT and HTTP 400 when its document has no
 * operation to run. That is the case when `operationName` names none of its
 * operations, when several operations come without `operationName`, and when
 * the supergraph has no root type for the operation, such as `subscription`.
 * Apollo Server leaves these cases to the executor, and the gateway's
 * executor throws on them, which Apollo Server turns into HTTP 500.
 */
export function requireRunnableOperationPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          const problem = operation ? describeMissingRootType(operation, schema) : describeMissingOperation(document, request.operationName);
          if (problem !== undefined) throw withHttpStatus(badUserInput(problem), 400);
        },
      };
    },
  };
}

function describeMissingRootType(operation: OperationDefinitionNode, schema: GraphQLSchema): string | undefined {
  if (schema.getRootType(operation.operation) !== undefined) return undefined;
  return `The supergraph has no ${operation.operation} type. Send a query or a mutation.`;
}

function describeMissingOperation(document: DocumentNode, operationName: string | undefined): string {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const names = operations.flatMap((operation) => (operation.name ? [`"${operation.name.value}"`] : [])).join(', ');
  if (operations.length === 0) return 'The document has no operation. Send a query or a mutation.';
  if (!operationName) return `The document has ${operations.length} operations, so the request must give an operation name. Set operationName to one of ${names}.`;
  const named = `operationName "${quoteValue(operationName)}" names no operation of the document.`;
  return names ? `${named} Set it to one of ${names}.` : `${named} Its operation has no name, so leave operationName out.`;
}
