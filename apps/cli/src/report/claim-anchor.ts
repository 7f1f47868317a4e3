/**
 * The `id` of a claim's section in `report.html`: `claim-` and the claim id with anything but
 * `[a-z0-9-]` replaced by `_` (claim ids are lower-kebab, so usually unchanged).
 *
 * @param claimId - The claim's id.
 * @returns The anchor, e.g. `claim-hanin-nica-2020-mean`.
 * @example
 * ```ts
 * `<a href="#${claimAnchor(result.claimId)}">`;
 * ```
 */
export function claimAnchor(claimId: string): string {
  return `claim-${claimId.toLowerCase().replace(/[^a-z0-9-]/g, '_')}`;
}
