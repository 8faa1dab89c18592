import DataLoader from 'dataloader';
import { isId } from './ids.ts';

/**
 * Creates a DataLoader that fetches many rows by id in one query and resolves
 * each key to its row or null. Keys that are not UUIDs resolve to null
 * without reaching the database, as an `_entities` call may carry anything.
 *
 * @example
 * const userById = createIdLoader((ids) => db.selectFrom('users').selectAll().where('id', 'in', ids).execute());
 */
export function createIdLoader<Row extends { id: string }>(fetchRows: (ids: readonly string[]) => Promise<readonly Row[]>): DataLoader<string, Row | null> {
  return createKeyLoader(fetchRows, (row) => row.id, { validKey: isId });
}

/**
 * Creates a DataLoader over any key: `fetchRows` gets the distinct keys of a
 * batch and returns rows in any order, and `keyOf` returns the key a row
 * belongs to. Keys without a row resolve to null, and so do keys that are
 * not strings at run time, such as an object a client put in a representation.
 */
export function createKeyLoader<Key extends string, Row>(
  fetchRows: (keys: readonly Key[]) => Promise<readonly Row[]>,
  keyOf: (row: Row) => Key,
  options: { validKey?: (key: Key) => boolean } = {},
): DataLoader<Key, Row | null> {
  const isValid = (key: Key) => typeof key === 'string' && (options.validKey?.(key) ?? true);
  return new DataLoader<Key, Row | null>(async (keys) => {
    const validKeys = keys.filter(isValid);
    const rows = validKeys.length > 0 ? await fetchRows(validKeys) : [];
    const byKey = new Map(rows.map((row) => [normalize(keyOf(row)), row]));
    return keys.map((key) => (isValid(key) ? (byKey.get(normalize(key)) ?? null) : null));
  });
}

/**
 * Creates a DataLoader that resolves each key to a list of rows, such as the
 * skills of each job, fetched for the whole batch in one query.
 */
export function createGroupLoader<Key extends string, Row>(
  fetchRows: (keys: readonly Key[]) => Promise<readonly Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row[]> {
  return new DataLoader<Key, Row[]>(async (keys) => {
    const rows = await fetchRows(keys);
    const groups = new Map<string, Row[]>();
    for (const row of rows) {
      const key = normalize(keyOf(row));
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(normalize(key)) ?? []);
  });
}

// UUIDs may arrive in upper case from clients; PostgreSQL returns them in lower case.
function normalize(key: string): string {
  return key.toLowerCase();
}
