import type { Claim } from '@ntk/bounds';

/**
 * The registry as `ntk check --list` prints it: one line per claim with its id, method and title, in
 * aligned columns, under a header line.
 *
 * @param claims - The claims to list.
 * @returns The text, ending with a newline.
 * @example
 * ```ts
 * ctx.stdout.write(formatClaimList(claims));
 * // id                          method    title
 * // hayou-2019-ntk-depth-rates  analytic  …
 * ```
 */
export function formatClaimList(claims: readonly Claim[]): string {
  const rows = [['id', 'method', 'title'], ...claims.map((c) => [c.id, c.method, c.title])];
  const idWidth = Math.max(...rows.map((r) => (r[0] as string).length));
  const methodWidth = Math.max(...rows.map((r) => (r[1] as string).length));
  return rows
    .map(
      ([id, method, title]) =>
        `${(id as string).padEnd(idWidth)}  ${(method as string).padEnd(methodWidth)}  ${title}\n`,
    )
    .join('');
}

/**
 * The registry as `ntk check --list --json` prints it: `{ format: 'ntk-claim-list', claims: [{ id, method,
 * title, citation }] }`.
 *
 * @param claims - The claims to list.
 * @returns A JSON-serialisable object.
 * @example
 * ```ts
 * ctx.stdout.write(`${JSON.stringify(claimListJson(claims), null, 2)}\n`);
 * ```
 */
export function claimListJson(claims: readonly Claim[]): {
  readonly format: 'ntk-claim-list';
  readonly claims: readonly {
    readonly id: string;
    readonly method: string;
    readonly title: string;
    readonly citation: Claim['citation'];
  }[];
} {
  return {
    format: 'ntk-claim-list',
    claims: claims.map((c) => ({ id: c.id, method: c.method, title: c.title, citation: c.citation })),
  };
}
