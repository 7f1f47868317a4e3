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
