import { badUserInput } from '../errors/client-error.ts';

// Control characters (Cc), format characters (Cf) such as bidirectional overrides and zero-width spaces,
// lone surrogates (Cs) and line and paragraph separators. ZWNJ and ZWJ (U+200C, U+200D) are format
// characters too, but stay allowed because Persian, Indic and emoji spellings need them.
const invisibleCharacterPattern = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * Raises BAD_USER_INPUT when the one-line text in `value`, such as a name
 * or a place, contains a control, format or separator character, which could
 * hide text or reorder it on screen: a right-to-left override makes
 * "cv\u202Efdp.exe" read as "cvexe.pdf". The
 * message names the code point and leaves the value out, so that it cannot
 * reorder the message itself.
 *
 * @example
 * rejectInvisibleCharacters(input.title, 'title');
 */
export function rejectInvisibleCharacters(value: string, field: string): void {
  const match = invisibleCharacterPattern.exec(value);
  if (!match) return;
  const codePoint = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const position = [...value.slice(0, match.index)].length + 1;
  throw badUserInput(
    `${field} contains U+${codePoint} at character ${position}, a control, format or separator character that this field may not contain; remove it and send the value again.`,
    { field },
  );
}
