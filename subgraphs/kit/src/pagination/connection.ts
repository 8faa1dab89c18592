import { badUserInput } from '../errors/client-error.ts';
import { decodeCursor, encodeCursor, type Cursor } from './cursor.ts';

/** The largest `first` any connection accepts; larger values are rejected, not cut. */
export const maxPageSize = 100;
export const defaultPageSize = 20;

export interface PageRequest {
  /** Rows to fetch: one more than the page, to learn whether a next page exists. */
  readonly limit: number;
  readonly first: number;
  readonly after: Cursor | null;
}

/** Validates `first` and `after` of a connection field and returns what the query needs. */
export function parsePageArgs(args: { first?: number | null; after?: string | null }): PageRequest {
  const first = args.first ?? defaultPageSize;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw badUserInput(`first: ${first} is out of range; ask for 0 to ${maxPageSize} items and page on with "after".`, { argument: 'first' });
  }
  return { first, limit: first + 1, after: args.after ? decodeCursor(args.after) : null };
}

export interface Connection<Node> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: Node }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
  /** Resolved only when a client selects it, since counting costs a query. */
  readonly totalCount: () => Promise<number>;
}

/**
 * Builds a Relay connection from rows fetched with `page.limit`: the extra
 * row, if any, only tells that a next page exists.
 */
export function buildConnection<Node>(
  rows: readonly Node[],
  page: PageRequest,
  cursorOf: (node: Node) => Cursor,
  countTotal: () => Promise<number>,
): Connection<Node> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: countTotal,
  };
}
