import { badUserInput } from '../errors/client-error.ts';
import { quoteValue } from '../errors/quote-value.ts';

/** The position of a row in a keyset order: the value of the sort key and the id that breaks ties. */
export interface Cursor {
  readonly key: string | number | null;
  readonly id: string;
}

const prefix = 'c1:';

/** Encodes `cursor` as an opaque string; clients pass it back as `after`. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(prefix + JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** Decodes a cursor from `after`, or raises BAD_USER_INPUT when it was not made by `encodeCursor`. */
export function decodeCursor(value: string): Cursor {
  const invalid = () =>
    badUserInput(`Cursor "${quoteValue(value)}" is invalid; pass the endCursor or an edge cursor of a previous page unchanged, or omit "after" to start from the first page.`, { argument: 'after' });
  const text = Buffer.from(value, 'base64url').toString('utf8');
  if (!text.startsWith(prefix)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(prefix.length));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [key, id] = parsed as unknown[];
  const keyIsValid = key === null || typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key));
  if (!keyIsValid || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid();
  return { key: key as Cursor['key'], id };
}
