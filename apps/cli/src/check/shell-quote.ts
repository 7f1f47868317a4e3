/**
 * Quotes a word for a POSIX shell when it needs it (single quotes), so that a printed command can be
 * pasted back as is.
 *
 * @param word - The word.
 * @returns The word, quoted if it holds anything but letters, digits and `@%+=:,./_-`.
 * @example
 * ```ts
 * shellQuote('my report'); // "'my report'"
 * shellQuote('ntk-report'); // 'ntk-report'
 * ```
 */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
