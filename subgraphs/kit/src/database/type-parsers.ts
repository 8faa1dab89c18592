/**
 * How both drivers turn PostgreSQL text values into JavaScript, so that query
 * code sees the same values on PGlite and on a server:
 * - `int8` (counts, sums) becomes a number; counts stay far below 2^53.
 * - `numeric` stays a string, because money such as an hourly 16.6264 must
 *   not pass through a binary float before the API decides how to show it.
 * - `date` stays a `YYYY-MM-DD` string: a calendar date has no time zone, and
 *   turning it into a `Date` at local midnight shifts it by a day in some zones.
 * - `timestamptz` becomes a `Date`, the same instant whatever the zone.
 */
export const typeOids = { int8: 20, numeric: 1700, date: 1082, timestamptz: 1184 } as const;

export const parseInt8 = (value: string): number => Number(value);
export const keepText = (value: string): string => value;
