import { newId } from '../graphql/ids.ts';

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** Returns the request id the caller sent in `x-request-id`, or a new one when it sent none or an unsafe one. */
export function readRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && requestIdPattern.test(value) ? value : newId();
}
