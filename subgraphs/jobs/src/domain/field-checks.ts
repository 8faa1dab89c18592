import { badUserInput, rejectInvisibleCharacters } from '@jobgraph/kit';

/** Quotes a client value for a message, shortened so that a 20,000-character description does not fill the error. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Returns `value` trimmed when its length is from `min` to `max` characters; raises BAD_USER_INPUT naming `field` otherwise. */
export function checkLength(field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < min) {
    const what = length === 0 ? 'is empty' : 'is too short';
    throw badUserInput(`${field} ${quote(trimmed)} ${what}; use ${min} to ${max} characters.`, { field });
  }
  if (length > max) {
    throw badUserInput(`${field} ${quote(trimmed)} is too long (${length} characters); use at most ${max}.`, { field });
  }
  return trimmed;
}

/** Like `checkLength` for a one-line name (a title, a company or skill name): it also rejects control and format characters. */
export function checkName(field: string, value: string, min: number, max: number): string {
  rejectInvisibleCharacters(value, field);
  return checkLength(field, value, min, max);
}

/** Like `checkOptionalText` for a one-line value shown beside names (a location, an industry): it also rejects control and format characters. */
export function checkOptionalLine(field: string, value: string | null | undefined, max: number): string | null {
  if (value !== null && value !== undefined) rejectInvisibleCharacters(value, field);
  return checkOptionalText(field, value, max);
}

/** Like `checkLength` for an optional text: null, undefined and blank text become null. */
export function checkOptionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return checkLength(field, value, 1, max);
}

/** Returns `value` when it is an absolute http or https URL; raises BAD_USER_INPUT otherwise. */
export function checkHttpUrl(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw badUserInput(`${field} ${quote(value)} is not an http(s) URL; use an absolute address such as "https://example.com".`, { field });
  }
  if (value.length > 2048) {
    throw badUserInput(`${field} ${quote(value)} is too long (${value.length} characters); use at most 2048.`, { field });
  }
  return value;
}

/** Raises BAD_USER_INPUT when a non-null field of an update is set to null explicitly. */
export function rejectNull(field: string, value: unknown): void {
  if (value === null) throw badUserInput(`${field} cannot be null; omit it to keep the current value.`, { field });
}
