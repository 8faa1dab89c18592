import { describe, expect, it } from 'vitest';
import { parseAttachmentInput } from '../src/domain/attachment-input.ts';

const valid = { name: 'cv.pdf', url: 'https://files.example.com/cv.pdf', contentType: 'application/pdf', sizeBytes: 120_000 };

describe('parseAttachmentInput', () => {
  it('returns the columns of a valid attachment', () => {
    expect(parseAttachmentInput(valid)).toEqual({ name: 'cv.pdf', url: valid.url, content_type: 'application/pdf', size_bytes: 120_000 });
  });

  it('rejects a name that hides its type', () => {
    // Shown right to left after U+202E, "cv\u202Efdp.exe" reads as "cvexe.pdf".
    expect(() => parseAttachmentInput({ ...valid, name: 'cv\u202Efdp.exe' })).toThrow(
      'name contains U+202E at character 3, a control, format or separator character that this field may not contain; remove it and send the value again.',
    );
  });

  it('rejects a name with a line break', () => {
    expect(() => parseAttachmentInput({ ...valid, name: 'cv\n.pdf' })).toThrow('name contains U+000A at character 3');
  });
});
