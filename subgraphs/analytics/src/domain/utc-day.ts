/** Returns the UTC calendar date, `YYYY-MM-DD`, of an ISO 8601 instant; every rollup buckets by it. */
export function utcDay(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}
