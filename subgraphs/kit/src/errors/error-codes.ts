/**
 * Every `extensions.code` a client can receive. Clients switch on these
 * codes, so each one is part of the public contract; `docs/errors.md` is
 * generated from this table by `npm run docs:errors`.
 */
export const errorCodes = {
  UNAUTHENTICATED: 'The request carries no credentials where they are required, or a token that is invalid, expired or revoked. Log in again and send `Authorization: Bearer <accessToken>`.',
  FORBIDDEN: 'The caller is known but may not do this: the role is wrong, the object belongs to someone else, or the token names another tenant than `X-Tenant`.',
  NOT_FOUND: 'The object named by an id or slug does not exist in this tenant, or the caller may not know that it exists.',
  BAD_USER_INPUT: 'An argument, input field, header or cursor is invalid. The message names the value and the rule it breaks; the request wrote nothing.',
  CONFLICT: 'The change clashes with the current state: a unique value is taken, or the object moved on since it was read. Reload and decide again.',
  RATE_LIMITED: 'Too many attempts in a short time. `extensions.retryAfterSeconds` says when to try again.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure on the server. The message carries a request id that identifies the failure in the logs; it never carries details.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorCodes;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value);
}
