import { type Claim, claims as registry } from '@ntk/bounds';
import { UsageError } from '../errors/usage-error.ts';

/**
 * The claims `ntk check --claims id,…` runs: the registry's claims with those ids, in the order given, or
 * the whole registry (in its order) when no ids are given.
 *
 * @param ids - The ids from `--claims`, or `undefined` for all.
 * @param known - The registry (default: `claims` of `@ntk/bounds`).
 * @returns The claims, in run order.
 * @throws {UsageError} For an unknown id (the message lists the known ids) or an id given twice.
 * @example
 * ```ts
 * selectClaims(['hayou-2019-ntk-depth-rates']).map((c) => c.id); // ['hayou-2019-ntk-depth-rates']
 * ```
 */
export function selectClaims(
  ids: readonly string[] | undefined,
  known: readonly Claim[] = registry,
): Claim[] {
  if (ids === undefined) return [...known];
  const seen = new Set<string>();
  return ids.map((id) => {
    const claim = known.find((c) => c.id === id);
    if (claim === undefined) {
      throw new UsageError(
        `--claims: unknown claim id '${id}' (known: ${known.map((c) => c.id).join(', ')}; see \`ntk check --list\`)`,
      );
    }
    if (seen.has(id)) throw new UsageError(`--claims: claim id '${id}' is given twice`);
    seen.add(id);
    return claim;
  });
}
