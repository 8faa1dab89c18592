import type { DestinationStream } from 'pino';

/** One error a service of a test supergraph logged while serving a request. */
export interface LoggedServerError {
  readonly service: string;
  readonly message: string;
  readonly error?: string;
}

interface LogLine {
  readonly level?: number;
  readonly service?: string;
  readonly requestId?: string;
  readonly msg?: string;
  readonly err?: { readonly type?: string; readonly message?: string; readonly stack?: string };
}

const errorLevel = 50;
const keptRequests = 200;

/**
 * A log destination for test supergraphs that writes every line to stdout and
 * keeps the errors of the last requests. A test that gets an
 * INTERNAL_SERVER_ERROR then shows the logged cause next to its assertion.
 */
export class ServerErrorLog implements DestinationStream {
  readonly #byRequest = new Map<string, LoggedServerError[]>();

  write(line: string): void {
    process.stdout.write(line);
    const entry = parseLine(line);
    if (!entry?.requestId || (entry.level ?? 0) < errorLevel) return;
    const errors = this.#byRequest.get(entry.requestId) ?? [];
    errors.push({
      service: entry.service ?? 'unknown',
      message: entry.msg ?? '',
      ...(entry.err ? { error: firstLines(entry.err.stack ?? `${entry.err.type}: ${entry.err.message}`, 6) } : {}),
    });
    this.#byRequest.set(entry.requestId, errors);
    if (this.#byRequest.size > keptRequests) this.#byRequest.delete(this.#byRequest.keys().next().value!);
  }

  /** Returns the errors logged for the request with `requestId`, oldest first. */
  errorsOf(requestId: string): readonly LoggedServerError[] {
    return this.#byRequest.get(requestId) ?? [];
  }
}

function parseLine(line: string): LogLine | null {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return null;
  }
}

function firstLines(text: string, count: number): string {
  return text.split('\n').slice(0, count).join('\n');
}
