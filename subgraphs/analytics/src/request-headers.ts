import { AsyncLocalStorage } from 'node:async_hooks';
import { parseJsonBody } from '@jobgraph/kit';
import type { Router } from 'express';

/** The request headers that resolvers read beyond what the kit's context carries. */
export interface AnalyticsHeaders {
  /** The raw `X-Viewer-Id` value, unchecked. */
  readonly viewerId: string | undefined;
}

const storage = new AsyncLocalStorage<AnalyticsHeaders>();

/** Returns the headers of the GraphQL request being resolved; none outside one. */
export function readAnalyticsHeaders(): AnalyticsHeaders {
  return storage.getStore() ?? { viewerId: undefined };
}

/**
 * Makes `X-Viewer-Id` readable by resolvers of `/graphql`. The kit's request
 * context has no field for it, so a middleware ahead of the kit's keeps it in
 * an AsyncLocalStorage for the rest of the request. It parses the JSON body
 * first, with the kit's parser, so that the kit's own parser finds the body
 * read and calls the next handler at once, inside the stored context.
 *
 * TODO(request-headers): move this into the kit's request context if another
 * subgraph needs a header of its own.
 */
export function keepAnalyticsHeaders(router: Router): void {
  router.use('/graphql', parseJsonBody(), (request, _response, next) => {
    const header = request.headers['x-viewer-id'];
    storage.run({ viewerId: Array.isArray(header) ? header[0] : header }, next);
  });
}
