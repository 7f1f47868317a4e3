/**
 * Where a claim's figure goes, relative to the report's folder: `figures/<claimId>.svg`, with any character
 * of the id outside `[A-Za-z0-9._-]` replaced by `_` (registry ids are lower-kebab and stay as they are; a
 * synthetic id can never name a path outside `figures/`).
 *
 * @param claimId - The claim's id.
 * @returns The relative path with `/` separators, e.g. `figures/hanin-nica-2020-mean.svg`.
 * @example
 * ```ts
 * join(outDir, figurePath(result.claimId));
 * ```
 */
export function figurePath(claimId: string): string {
  const safe = claimId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return `figures/${safe === '' ? '_' : safe}.svg`;
}
