import type { Kysely } from 'kysely';
import type { Request, Response, Router } from 'express';
import { runInBackground } from '../database/background-work.ts';
import type { Logger } from 'pino';
import { isEventType, type EventType } from './event-types.ts';
import { checkInternalAccess } from './internal-access.ts';
import { readOutbox, stampOutbox } from './outbox-log.ts';

/** The path where every subgraph serves its outbox to the consumers of the HTTP transport. */
export const outboxPath = '/internal/events/outbox';

/** Events per response, at most. */
const maxPageSize = 1_000;

/**
 * Serves the subgraph's outbox at `GET /internal/events/outbox?after=<position>&limit=<n>&types=<a,b>`:
 * stamps new events, then returns `{ events, pending }` in position order.
 * The outbox contains every tenant's events, so `checkInternalAccess` guards it.
 */
export function serveOutbox(router: Router, services: { db: Kysely<unknown>; producer: string; token: string | undefined; logger: Logger }): void {
  const { db, producer, token, logger } = services;
  const answer = async (request: Request, response: Response) => {
    const denial = checkInternalAccess(request, token);
    if (denial) {
      response.status(denial.status).json({ error: denial.error });
      return;
    }
    const query = parseQuery(request.query);
    if ('error' in query) {
      response.status(400).json({ error: query.error });
      return;
    }
    try {
      await stampOutbox(db);
      response.json(await readOutbox(db, { producer, ...query }));
    } catch (error) {
      logger.error({ err: error, after: query.after }, 'reading the outbox failed');
      response.status(500).json({ error: 'Reading the outbox failed; see the producer log.' });
    }
  };
  // Consumers poll this route; their statements are background work, not requests.
  router.get(outboxPath, (request, response) => runInBackground(() => answer(request, response)));
}

function parseQuery(query: Request['query']): { after: number; limit: number; types?: EventType[] } | { error: string } {
  const after = Number(query.after ?? 0);
  if (!Number.isSafeInteger(after) || after < 0) return { error: `after "${String(query.after)}" is invalid; send a position of 0 or more.` };
  const limit = Number(query.limit ?? 100);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxPageSize) {
    return { error: `limit "${String(query.limit)}" is invalid; send an integer from 1 to ${maxPageSize}.` };
  }
  if (query.types === undefined) return { after, limit };
  const types = String(query.types).split(',').filter(Boolean);
  const unknown = types.find((type) => !isEventType(type));
  if (unknown !== undefined) return { error: `Event type "${unknown}" is not declared; check the consumer's event list.` };
  return { after, limit, types: types as EventType[] };
}
