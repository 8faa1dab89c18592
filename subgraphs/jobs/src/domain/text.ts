// Letters that Unicode does not decompose into a base letter and a combining mark, so NFD alone keeps them.
const extraFolds: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Removes accents and lower-cases `text`, so that "Écriture" and "ecriture" compare equal. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => extraFolds[letter] ?? letter);
}

/** Makes a URL slug from a name: "C++ & Go" becomes "cplusplus-go", "Développement" becomes "developpement". */
export function slugify(name: string): string {
  return foldForSearch(name)
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Escapes `%`, `_` and `\` so that `text` matches itself literally in a LIKE pattern. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
