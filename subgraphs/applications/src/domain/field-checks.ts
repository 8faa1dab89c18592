import { badUserInput } from '@jobgraph/kit';

/** Trims `value` and returns null for an empty text; raises BAD_USER_INPUT past `maxLength` characters. */
export function optionalText(value: string | null | undefined, field: string, maxLength: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > maxLength) {
    throw badUserInput(`${field} has ${trimmed.length} characters; shorten it to at most ${maxLength}.`, { field });
  }
  return trimmed === '' ? null : trimmed;
}

/** Returns `value` when it is an http or https address, or null when absent; raises BAD_USER_INPUT with `example` otherwise. */
export function optionalWebAddress(value: string | null | undefined, field: string, example = 'https://files.example.com/cv.pdf'): string | null {
  if (value === null || value === undefined) return null;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw badUserInput(`${field} "${value}" is not an http or https address; give a link such as "${example}".`, { field });
  }
  return value;
}

/** Returns today's date in UTC as `YYYY-MM-DD`, the calendar that deadlines use. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
