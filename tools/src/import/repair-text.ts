/**
 * Characters of Windows-1252 above 0x7F that are not Latin-1, by the byte
 * they stand for. Text that was UTF-8 but was decoded as Windows-1252 shows
 * them inside sequences such as `â€™`.
 */
const windows1252Bytes = new Map<string, number>([
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87], ['ˆ', 0x88],
  ['‰', 0x89], ['Š', 0x8a], ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['‘', 0x91], ['’', 0x92], ['“', 0x93],
  ['”', 0x94], ['•', 0x95], ['–', 0x96], ['—', 0x97], ['˜', 0x98], ['™', 0x99], ['š', 0x9a], ['›', 0x9b],
  ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A lead byte of a multi-byte UTF-8 sequence (as Latin-1), then one to three characters that may be continuation bytes. */
const suspect = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/g;

/** `Â` before a space or the end: what is left of a mis-decoded no-break space (C2 A0) once the A0 was trimmed. */
const strayNoBreakSpace = /\u00c2(?=\s|$)/g;

function byteOf(character: string): number | undefined {
  const mapped = windows1252Bytes.get(character);
  if (mapped !== undefined) return mapped;
  const code = character.charCodeAt(0);
  return code >= 0x80 && code <= 0xff ? code : undefined;
}

/**
 * Repairs text that was encoded as UTF-8 and decoded once as Windows-1252:
 * `New Yorkâ€™s` becomes `New York’s`. Each suspect sequence is turned back
 * into bytes and kept only when the bytes are valid UTF-8, so correct
 * accented text such as `Café` is left alone.
 */
export function repairMojibake(text: string): string {
  const repaired = text.replace(suspect, (sequence) => {
    const characters = [...sequence];
    const lead = characters[0]!.charCodeAt(0);
    // The lead byte gives the length of the UTF-8 sequence: C2-DF two bytes, E0-EF three, F0-F4 four.
    let length = 4;
    if (lead < 0xe0) length = 2;
    else if (lead < 0xf0) length = 3;
    if (characters.length < length) return sequence;
    const bytes = characters.slice(0, length).map(byteOf);
    if (bytes.some((byte) => byte === undefined)) return sequence;
    try {
      return strictUtf8.decode(Uint8Array.from(bytes as number[])) + characters.slice(length).join('');
    } catch {
      return sequence;
    }
  });
  return repaired.replace(strayNoBreakSpace, ' ');
}

/**
 * Cleans a free-text cell: repairs mis-decoded characters, turns the runs of
 * spaces that the source used as paragraph breaks (three or more) into line
 * breaks, and trims.
 * Returns null for an empty cell.
 */
export function cleanText(value: string | undefined): string | null {
  if (value === undefined) return null;
  const cleaned = repairMojibake(value)
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/ {3,}/g, '\n')
    .replace(/ {2}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // A cell that contains only bullets or dashes carries no text.
  return /^[\s•·*-]*$/.test(cleaned) ? null : cleaned;
}
