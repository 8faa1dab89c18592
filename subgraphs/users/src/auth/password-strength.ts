/** The shortest password accepted. */
export const minPasswordLength = 10;
/** The longest password accepted; scrypt's cost grows with the input, so the length is capped. */
export const maxPasswordLength = 128;

/**
 * Lists what `password` lacks to be accepted, as phrases that complete
 * "the password needs ...". An empty list means it is strong enough. The
 * account's username and the local part of its email may not appear in it.
 * The upper length limit, `maxPasswordLength`, is not a weakness and is
 * checked by the caller.
 */
export function findPasswordWeaknesses(password: string, account: { readonly username: string; readonly email: string }): string[] {
  const missing: string[] = [];
  const length = [...password].length;
  if (length < minPasswordLength) missing.push(`at least ${minPasswordLength} characters (it has ${length})`);
  if (!/\p{L}/u.test(password)) missing.push('a letter');
  if (!/\p{Nd}/u.test(password)) missing.push('a digit');
  const lower = password.toLowerCase();
  const personal = [account.username, account.email.split('@')[0] ?? ''].map((part) => part.toLowerCase()).filter((part) => part.length >= 3);
  if (personal.some((part) => lower.includes(part))) missing.push('to leave out the username and the email address');
  return missing;
}

/** Joins phrases as English prose: "a, b and c". */
export function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}
