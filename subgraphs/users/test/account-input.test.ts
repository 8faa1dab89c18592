import { describe, expect, it } from 'vitest';
import { validateName, validateProfileChanges, validateUsername } from '../src/domain/account-input.ts';

const rejected = [
  { character: '\u0000', codePoint: 'U+0000' },
  { character: '\u0009', codePoint: 'U+0009' },
  { character: '\u001F', codePoint: 'U+001F' },
  { character: '\u007F', codePoint: 'U+007F' },
  { character: '\u0085', codePoint: 'U+0085' },
  { character: '\u00AD', codePoint: 'U+00AD' },
  { character: '\u200B', codePoint: 'U+200B' },
  { character: '\u200E', codePoint: 'U+200E' },
  { character: '\u202E', codePoint: 'U+202E' },
  { character: '\u2066', codePoint: 'U+2066' },
  { character: '\u2028', codePoint: 'U+2028' },
  { character: '\u2029', codePoint: 'U+2029' },
  { character: '\uFEFF', codePoint: 'U+FEFF' },
  { character: '\uD800', codePoint: 'U+D800' },
];

describe('validateName', () => {
  it('rejects control and format characters', () => {
    for (const { character, codePoint } of rejected) {
      expect(() => validateName(`Gr${character}ace`, 'input.firstName'), codePoint).toThrow(
        `input.firstName contains ${codePoint} at character 3, a control, format or separator character that this field may not contain; remove it and send the value again.`,
      );
    }
  });

  it('rejects them at either end before trimming', () => {
    expect(() => validateName('\tGrace', 'input.firstName')).toThrow('input.firstName contains U+0009 at character 1,');
    expect(() => validateName('Grace\n', 'input.firstName')).toThrow('input.firstName contains U+000A at character 6,');
  });

  it('names the field in the error extensions', () => {
    expect(() => validateName('Acme\u202E', 'input.name')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.name' }) }));
  });

  it('accepts joiners, accents and other scripts', () => {
    expect(validateName(' Zoë ', 'input.firstName')).toBe('Zoë');
    expect(validateName('می\u200Cخواهم', 'input.lastName')).toBe('می\u200Cخواهم');
    expect(validateName('\u{1F469}\u200D\u{1F4BB} Ada', 'input.firstName')).toBe('\u{1F469}\u200D\u{1F4BB} Ada');
  });
});

describe('validateUsername', () => {
  it('rejects a control character without quoting the value', () => {
    expect(() => validateUsername('boss\u202E', 'input.username')).toThrow(
      'input.username contains U+202E at character 5, a control, format or separator character that this field may not contain; remove it and send the value again.',
    );
  });
});

describe('validateProfileChanges', () => {
  it('rejects control characters in each name field', () => {
    for (const field of ['firstName', 'lastName', 'username'] as const) {
      expect(() => validateProfileChanges({ [field]: 'name\u0000' }), field).toThrow(`input.${field} contains U+0000 at character 5,`);
    }
  });
});
