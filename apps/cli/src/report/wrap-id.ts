/**
 * Wraps a kebab-case id into lines of at most `width` characters, breaking after hyphens where possible
 * (`seleznova-kutyniok-2021-` / `ntk-change-by-phase`) and inside a part only when the part alone is too long.
 *
 * @param id - The id.
 * @param width - Longest line, at least 1.
 * @returns The lines joined by `\n` (the id itself when it fits).
 * @example
 * ```ts
 * wrapId('hanin-nica-2020-mean', 12); // 'hanin-nica-\n2020-mean'
 * ```
 */
export function wrapId(id: string, width: number): string {
  const w = Math.max(1, Math.floor(width));
  if (id.length <= w) return id;
  const parts = id.match(/[^-]+-?|-/g) ?? [id];
  const lines: string[] = [];
  let line = '';
  for (let part of parts) {
    if (line.length + part.length <= w) {
      line += part;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    while (part.length > w) {
      lines.push(part.slice(0, w));
      part = part.slice(w);
    }
    line = part;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * Prepares text for a table cell of `width` characters that wraps at spaces: every word longer than the cell
 * is cut into lines by {@link wrapId} (after hyphens where possible), so that nothing is truncated.
 *
 * @param text - The cell's text (may hold newlines).
 * @param width - The cell's width without padding, at least 1.
 * @returns The text with the long words broken.
 * @example
 * ```ts
 * breakLongWords('test ntk-change-chaotic-over-ordered: 1.2', 12);
 * // 'test ntk-change-\nchaotic-over-\nordered: 1.2'
 * ```
 */
export function breakLongWords(text: string, width: number): string {
  const w = Math.max(1, Math.floor(width));
  return text.replace(/\S+/g, (word) => ([...word].length > w ? wrapId(word, w) : word));
}
