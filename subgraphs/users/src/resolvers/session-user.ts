import type { UserRow } from '../db/database.ts';

// User rows returned as the user of an AuthPayload. The request that logs a user in carries no token of
// that user yet, but the payload belongs to them, so it shows their contact details.
const sessionUsers = new WeakSet<UserRow>();

/** Marks `user` as the user of the session an auth mutation just opened, and returns it. */
export function markSessionUser(user: UserRow): UserRow {
  sessionUsers.add(user);
  return user;
}

/** Tells whether `user` is the user of a session opened by this request. */
export function isSessionUser(user: UserRow): boolean {
  return sessionUsers.has(user);
}
