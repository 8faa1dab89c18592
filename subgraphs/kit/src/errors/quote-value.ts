/** The maximum number of characters of a client's value that an error message repeats. */
const maxQuotedLength = 80;

/**
 * Returns `value` for quoting in an error message, cut to 80 characters
 * with an ellipsis, so that a huge bad value does not come back in full.
 */
export function quoteValue(value: string): string {
  return value.length > maxQuotedLength ? `${value.slice(0, maxQuotedLength - 1)}…` : value;
}
