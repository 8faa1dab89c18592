import type { Request, RequestHandler } from 'express';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { limitRejection, type OperationLimits } from './operation-limits.ts';

/**
 * The maximum nesting of brackets, braces and parentheses in a document.
 * graphql-js parses a document by recursion, with stack frames for every level of
 * a list, an input object or a selection set, so a deep enough document
 * overflows the stack with a RangeError. Operations within the depth limit
 * (`GRAPHQL_MAX_DEPTH`) nest far less than this.
 */
export const maxDocumentNesting = 64;

const opening = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const closing = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Checks a document's text against the token limit and the nesting limit
 * without parsing it, and returns the message for the first limit it breaks.
 * It reads lexical tokens, so brackets inside strings, block strings and
 * comments do not count. A lexical error ends the check, and the parser then
 * reports it as a syntax error.
 *
 * @example
 * checkDocumentSource('{ jobs(filter: { categoryIds: [[[]]] }) { totalCount } }', { maxTokens: 2000, maxNesting: 64 }); // undefined
 */
export function checkDocumentSource(source: string, limits: { readonly maxTokens: number; readonly maxNesting: number }): string | undefined {
  const lexer = new Lexer(new Source(source));
  let tokenCount = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokenCount += 1;
      if (tokenCount > limits.maxTokens) return limitRejection(`Token limit of ${limits.maxTokens} exceeded.`);
      if (opening.has(token.kind)) {
        nesting += 1;
        if (nesting > limits.maxNesting) {
          return limitRejection(`Nesting limit of ${limits.maxNesting} brackets, braces and parentheses exceeded at line ${token.line}, column ${token.column}.`);
        }
      } else if (closing.has(token.kind)) {
        nesting = Math.max(0, nesting - 1);
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
  return undefined;
}

/**
 * Creates Express middleware that responds to a GraphQL request whose document
 * breaks the token or the nesting limit with HTTP 400 and BAD_USER_INPUT.
 * It runs before Apollo Server, so such a document never reaches a parser, and
 * each rejection costs at most one pass over the limited number of tokens.
 * Mount it after the JSON body parser. The gateway and every subgraph
 * mount it, since a subgraph can be reached without the gateway.
 */
export function rejectOverLimitDocuments(limits: OperationLimits): RequestHandler {
  const sourceLimits = { maxTokens: limits.maxTokens, maxNesting: maxDocumentNesting };
  return (request, response, next) => {
    const source = documentSourceOf(request);
    const message = source === undefined ? undefined : checkDocumentSource(source, sourceLimits);
    if (message === undefined) {
      next();
      return;
    }
    response.status(400).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  };
}

/** Returns the document of a GraphQL request: the `query` field of a POST body, or the `query` parameter of a GET. */
function documentSourceOf(request: Request): string | undefined {
  if (request.method === 'GET') {
    return new URL(request.originalUrl, 'http://localhost').searchParams.get('query') ?? undefined;
  }
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || !('query' in body)) return undefined;
  return typeof body.query === 'string' ? body.query : undefined;
}
