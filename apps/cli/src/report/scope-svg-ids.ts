/**
 * Makes the `id`s of an SVG document unique to one figure, so that several SVGs can be inlined in one HTML
 * page: every `id="x"` becomes `id="<prefix>-x"`, and every reference to it (`url(#x)`, `href="#x"`,
 * `xlink:href="#x"`) follows. Vega's SVG renderer names clip paths and gradients `clip1`, `gradient1`, … in
 * each figure, which would otherwise collide (the first definition wins for all figures).
 *
 * @param svg - SVG text.
 * @param prefix - A prefix made of `[A-Za-z0-9_-]` (other characters are replaced by `_`).
 * @returns The SVG with scoped ids (unchanged when it has none).
 * @example
 * ```ts
 * scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'fig-a');
 * // '<clipPath id="fig-a-clip1"/><g clip-path="url(#fig-a-clip1)"/>'
 * ```
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
  if (ids.size === 0) return svg;
  const scoped = (id: string) => (ids.has(id) ? `${safe}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, head: string, id: string) => `${head}${scoped(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${scoped(id)})`)
    .replace(/((?:xlink:)?href=")#([^"]+)"/g, (_, head: string, id: string) => `${head}#${scoped(id)}"`);
}
