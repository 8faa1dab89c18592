import { badUserInput, type Cursor } from '@jobgraph/kit';
import { sql, type RawBuilder } from 'kysely';

/** The orders of `jobs(orderBy)`. Every order puts jobs without the sort value last and breaks ties by id. */
export type JobOrderBy = 'NEWEST' | 'DEADLINE' | 'SALARY';

interface JobOrder {
  readonly column: 'published_at' | 'application_deadline' | 'salary_upper_scaled';
  readonly direction: 'asc' | 'desc';
  /** The sort value as the text a cursor carries; it must compare exactly, so timestamps keep their microseconds. */
  readonly keyText: RawBuilder<string | null>;
  readonly keyType: 'timestamptz' | 'date' | 'bigint';
  readonly keyPattern: RegExp;
}

const jobOrders: Readonly<Record<JobOrderBy, JobOrder>> = {
  NEWEST: {
    column: 'published_at',
    direction: 'desc',
    keyText: sql<string | null>`to_char(jobs.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    keyType: 'timestamptz',
    keyPattern: /^[1-9]\d{3}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/,
  },
  DEADLINE: {
    column: 'application_deadline',
    direction: 'asc',
    keyText: sql<string | null>`to_char(jobs.application_deadline, 'YYYY-MM-DD')`,
    keyType: 'date',
    keyPattern: /^[1-9]\d{3}-\d{2}-\d{2}$/,
  },
  SALARY: {
    column: 'salary_upper_scaled',
    direction: 'desc',
    keyText: sql<string | null>`jobs.salary_upper_scaled::text`,
    keyType: 'bigint',
    keyPattern: /^\d{1,18}$/,
  },
};

/** Selects a row's sort value as `sort_key`, the key its cursor carries. */
export function sortKeyOf(orderBy: JobOrderBy) {
  return jobOrders[orderBy].keyText.as('sort_key');
}

/** Builds the ORDER BY of `orderBy`. */
export function orderClause(orderBy: JobOrderBy): RawBuilder<unknown> {
  const { column, direction } = jobOrders[orderBy];
  return sql`${sql.ref(`jobs.${column}`)} ${sql.raw(direction)} nulls last, jobs.id ${sql.raw(direction)}`;
}

/**
 * Builds the conditions that keep the rows after `cursor` in `orderBy`. They
 * come in two parts because rows without a sort value come last. `withValue`
 * compares (value, id) tuples, which an index on the same columns serves as
 * a range. `withoutValue` keeps the rows without a value that still follow.
 * After a cursor on a row without a value, `withValue` is null.
 */
export function afterCursorParts(orderBy: JobOrderBy, cursor: Cursor): { withValue: RawBuilder<boolean> | null; withoutValue: RawBuilder<boolean> } {
  const { column, direction, keyType } = jobOrders[orderBy];
  const operator = sql.raw(direction === 'desc' ? '<' : '>');
  const value = sql.ref(`jobs.${column}`);
  if (cursor.key === null) return { withValue: null, withoutValue: sql<boolean>`(${value} is null and jobs.id ${operator} ${cursor.id}::uuid)` };
  const key = sql`cast(${String(cursor.key)} as ${sql.raw(keyType)})`;
  return { withValue: sql<boolean>`((${value}, jobs.id) ${operator} (${key}, ${cursor.id}::uuid))`, withoutValue: sql<boolean>`(${value} is null)` };
}

/** Builds the condition that keeps the rows after `cursor` in `orderBy`, as one expression. */
export function afterCursor(orderBy: JobOrderBy, cursor: Cursor): RawBuilder<boolean> {
  const { withValue, withoutValue } = afterCursorParts(orderBy, cursor);
  return withValue ? sql<boolean>`(${withValue} or ${withoutValue})` : withoutValue;
}

/**
 * Raises BAD_USER_INPUT when `cursor` was not made by a page in `orderBy`:
 * a cursor of another order would start the page at an arbitrary place, and
 * a malformed key would fail in SQL.
 */
export function checkCursorOrder(orderBy: JobOrderBy, cursor: Cursor | null, raw: string | null | undefined): void {
  if (cursor === null || cursor.key === null) return;
  const { keyPattern, keyType } = jobOrders[orderBy];
  const key = String(cursor.key);
  const wellFormed = typeof cursor.key === 'string' && keyPattern.test(key) && (keyType === 'bigint' || isCalendarDate(key.slice(0, 10)));
  if (!wellFormed) {
    throw badUserInput(`Cursor "${raw}" does not belong to a page ordered by ${orderBy}; pass a cursor from a page with the same orderBy, or omit "after".`, {
      argument: 'after',
    });
  }
}

// Date.parse accepts "2026-02-30" as March 2; PostgreSQL rejects it, so check that the date exists.
function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}
