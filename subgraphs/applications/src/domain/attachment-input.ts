import { badUserInput, rejectInvisibleCharacters } from '@jobgraph/kit';
import { optionalText, optionalWebAddress } from './field-checks.ts';

export interface AttachmentInput {
  readonly name: string;
  readonly url: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

/** The file types an attachment may have: documents a CV or a cover letter comes in, and images of them. */
export const allowedContentTypes: readonly string[] = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
  'image/png',
  'image/jpeg',
];

/** 10 MB, the largest file an attachment may describe. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

/** How many attachments one application may have. */
export const maxAttachmentsPerApplication = 10;

/** Validates an attachment's metadata; raises BAD_USER_INPUT naming the field. */
export function parseAttachmentInput(input: AttachmentInput): { name: string; url: string; content_type: string; size_bytes: number } {
  // A file name is shown to the employer, so a right-to-left override could disguise its type.
  rejectInvisibleCharacters(input.name, 'name');
  const name = optionalText(input.name, 'name', 255);
  if (name === null) throw badUserInput('name is empty; give the file name, such as "cv.pdf".', { field: 'name' });
  const url = optionalWebAddress(input.url, 'url');
  const contentType = input.contentType.trim().toLowerCase();
  if (!allowedContentTypes.includes(contentType)) {
    throw badUserInput(`contentType "${input.contentType}" is not allowed; use one of ${allowedContentTypes.join(', ')}.`, { field: 'contentType' });
  }
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 1 || input.sizeBytes > maxAttachmentBytes) {
    throw badUserInput(`sizeBytes ${input.sizeBytes} is out of range; a file has from 1 byte to 10 MB (${maxAttachmentBytes} bytes).`, {
      field: 'sizeBytes',
    });
  }
  return { name, url: url!, content_type: contentType, size_bytes: input.sizeBytes };
}
