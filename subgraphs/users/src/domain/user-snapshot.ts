import type { EventPayloadInput } from '@jobgraph/kit';
import type { UserRow } from '../db/database.ts';

/** Converts a user row to the user as its events carry it: no password hash, phone or date of birth. */
export function toUserSnapshot(user: UserRow): EventPayloadInput<'user.registered'> {
  return {
    email: user.email,
    username: user.username,
    firstName: user.first_name,
    lastName: user.last_name,
    role: user.role,
    isVerified: user.is_verified,
    profilePicture: user.profile_picture,
  };
}

/** Converts the column names of a profile change to the GraphQL field names that `user.updated` lists. */
export function toChangedFields(changes: object): string[] {
  return Object.keys(changes).map((column) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()));
}
