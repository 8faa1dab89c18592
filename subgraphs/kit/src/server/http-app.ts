import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.ts';
import { internalErrorMessage } from '../errors/format-error.ts';
import { readRequestId } from './request-id.ts';

/** The largest request body accepted, in bytes. */
export const maxBodyBytes = 5 * 1024 * 1024;

/** Creates the Express app of a service, which does not announce itself in `X-Powered-By`. */
export function createHttpApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  return app;
}

/**
 * Sets how long an idle keep-alive connection stays open, in milliseconds.
 * It is longer than the 60 s default idle timeout of AWS Application Load
 * Balancers, so the server never closes a connection that such a proxy still
 * reuses. Node's fetch reads the `Keep-Alive: timeout` hint and closes its
 * idle connections first.
 */
export const keepAliveTimeoutMs = 65_000;

/**
 * Creates the HTTP server of a service around `app`. Node's default
 * keep-alive timeout is 5 s, so a client could reuse a pooled connection at
 * the moment the server closes it and get a reset connection. The longer
 * timeout above leaves the closing to the client.
 */
export function createHttpServer(app: Express): http.Server {
  const server = http.createServer(app);
  server.keepAliveTimeout = keepAliveTimeoutMs;
  // Kept above the keep-alive timeout, so the header timer never ends a connection that is merely idle.
  server.headersTimeout = keepAliveTimeoutMs + 1_000;
  return server;
}

/** Parses a JSON body of at most `maxBodyBytes`; its errors reach `answerHttpErrors`. */
export function parseJsonBody() {
  return express.json({ limit: maxBodyBytes });
}

/**
 * Responds to errors raised outside GraphQL execution, such as a body that is
 * not JSON or is too large, in the shape of a GraphQL response with a code
 * from the table, never with Express's HTML page and stack. Add it last.
 */
export function answerHttpErrors(logger: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const answer = (status: number, code: string, message: string) =>
      response.status(status).json({ errors: [{ message, extensions: { code } }] });
    if (error.type === 'entity.parse.failed') {
      answer(400, 'BAD_USER_INPUT', 'The request body is not valid JSON; send {"query": "...", "variables": {...}} with Content-Type: application/json.');
      return;
    }
    if (error.type === 'entity.too.large') {
      answer(413, 'BAD_USER_INPUT', `The request body is larger than ${maxBodyBytes / 1024 / 1024} MB; send a smaller request, for example fewer jobs per import batch.`);
      return;
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      answer(error.status, 'BAD_USER_INPUT', 'The request is malformed; send a GraphQL request as JSON with Content-Type: application/json.');
      return;
    }
    const requestId = readRequestId(request.headers['x-request-id']);
    logger.error({ err: error, requestId }, 'unexpected error in HTTP handling');
    response.status(500).json({ errors: [{ message: internalErrorMessage, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
  };
}

/**
 * Starts listening on `port` (on `host` when given, else every interface)
 * and returns the bound port. A port in use raises a `ConfigError` that names
 * `portVariable`.
 */
export async function listen(server: http.Server, port: number, host: string | undefined, portVariable: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new ConfigError(portVariable, `Port ${port} is already in use; stop what listens there or set ${portVariable} to a free port.`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new ConfigError(portVariable, `Cannot listen on ${host}:${port} (${error.code}); set the host to an address of this machine.`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
