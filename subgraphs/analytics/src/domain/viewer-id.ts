import { badUserInput, isId } from '@jobgraph/kit';

/** The request header in which an anonymous client names itself, so that its views count as one viewer's. */
export const viewerIdHeader = 'X-Viewer-Id';

/**
 * Returns the anonymous viewer id of a request from its `X-Viewer-Id` value,
 * lower-cased; raises BAD_USER_INPUT when the header is missing or not a UUID.
 */
export function parseViewerId(value: string | undefined): string {
  if (value === undefined || value === '') {
    throw badUserInput(
      `Anonymous views need an ${viewerIdHeader} header: a UUID the client generates once (for example with crypto.randomUUID()), keeps, and sends with every recordJobView. Send it, or log in.`,
      { header: viewerIdHeader },
    );
  }
  // The header comes from any client, so a long value is cut before it goes into a message.
  const shown = value.length > 64 ? `${value.slice(0, 64)}...` : value;
  if (!isId(value)) {
    throw badUserInput(`${viewerIdHeader} "${shown}" is not a UUID; send a UUID such as "0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07".`, { header: viewerIdHeader });
  }
  return value.toLowerCase();
}
