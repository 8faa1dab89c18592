import { unauthenticated } from '../errors/client-error.ts';

/** Returns the token of an `Authorization: Bearer <token>` header, null when there is no header, and raises UNAUTHENTICATED for any other form. */
export function readBearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return null;
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(value);
  if (!match?.[1]) {
    throw unauthenticated('The Authorization header is malformed; send "Authorization: Bearer <accessToken>" with the accessToken from login.', { reason: 'INVALID_TOKEN' });
  }
  return match[1];
}
