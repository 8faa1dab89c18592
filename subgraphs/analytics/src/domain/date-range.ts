import { badUserInput } from '@jobgraph/kit';

/** The most days a range may cover, ends included: a leap year. */
export const maxRangeDays = 366;

/** A range of UTC calendar dates, `YYYY-MM-DD`, both ends included. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const dayMs = 86_400_000;

/**
 * Returns the range when `from` is on or before `to` and it covers at most
 * 366 days; raises BAD_USER_INPUT otherwise. The `Date` scalar has already
 * checked that both are calendar dates.
 */
export function parseDateRange(from: string, to: string): DateRange {
  const days = countDays({ from, to });
  if (days < 1) {
    throw badUserInput(`from "${from}" is after to "${to}"; give a range whose from is on or before its to.`, { argument: 'from' });
  }
  if (days > maxRangeDays) {
    throw badUserInput(
      `The range from "${from}" to "${to}" covers ${days} days; at most ${maxRangeDays} are allowed, so ask for a shorter range or split it into several.`,
      { argument: 'to' },
    );
  }
  return { from, to };
}

/** Counts the days of `range`, both ends included; 0 or less when `from` is after `to`. */
export function countDays(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / dayMs) + 1;
}

/** Lists every date of `range` in order. */
export function listDays(range: DateRange): string[] {
  const start = Date.parse(`${range.from}T00:00:00Z`);
  return Array.from({ length: countDays(range) }, (_, index) => new Date(start + index * dayMs).toISOString().slice(0, 10));
}
