import type { ConfigSchema } from '../config/resolve-config.ts';
import { UsageError } from '../errors/usage-error.ts';

/**
 * The inputs of a single experiment (`ntk kernel`, `ntk empirical`, `ntk train`), as a config file's `data`
 * field or the `--data` flag:
 * - `sphere`: n points uniform on the sphere of radius √d in ℝ^d (drawn from the run's seed);
 * - `angles`: n points in one plane of ℝ^d at angles θ_i = iπ/(n−1) from the first (radius √d), the usual
 *   sweep for kernel-vs-angle plots;
 * - `gaussian`: n points from N(0, I_d) (drawn from the run's seed);
 * - `mnist`: the first n digits of the MNIST package (shuffled by the seed, normalised to the sphere √784);
 * - `csv`: a file of numbers, one point per row (comma-separated, no header).
 */
export type DataSettings =
  | { readonly kind: 'sphere'; readonly n: number; readonly d: number }
  | { readonly kind: 'angles'; readonly n: number; readonly d: number }
  | { readonly kind: 'gaussian'; readonly n: number; readonly d: number }
  | { readonly kind: 'mnist'; readonly n: number }
  | { readonly kind: 'csv'; readonly path: string };

/** The JSON Schema of {@link DataSettings} (for a command's config schema). */
export const DATA_SCHEMA: ConfigSchema = {
  type: 'object',
  oneOf: [
    {
      type: 'object',
      properties: {
        kind: { enum: ['sphere', 'angles', 'gaussian'] },
        n: { type: 'integer', minimum: 1, maximum: 100000 },
        d: { type: 'integer', minimum: 1, maximum: 100000 },
      },
      required: ['kind', 'n', 'd'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: { const: 'mnist' }, n: { type: 'integer', minimum: 1, maximum: 10000 } },
      required: ['kind', 'n'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: { const: 'csv' }, path: { type: 'string', minLength: 1 } },
      required: ['kind', 'path'],
      additionalProperties: false,
    },
  ],
};

/**
 * Parses the `--data` flag: `sphere:N:D`, `angles:N:D`, `gaussian:N:D`, `mnist:N`, or `csv:PATH`.
 *
 * @param text - The flag's value.
 * @returns The settings.
 * @throws {UsageError} Naming the flag and the expected forms.
 * @example
 * ```ts
 * parseDataFlag('sphere:8:3'); // { kind: 'sphere', n: 8, d: 3 }
 * ```
 */
export function parseDataFlag(text: string): DataSettings {
  const bad = () =>
    new UsageError(
      `--data must be sphere:N:D, angles:N:D, gaussian:N:D, mnist:N or csv:PATH, got ${JSON.stringify(text)}`,
    );
  const [kind, ...rest] = text.split(':');
  const int = (s: string | undefined) => {
    const v = Number(s);
    if (s === undefined || s.trim() === '' || !Number.isSafeInteger(v) || v < 1) throw bad();
    return v;
  };
  if (kind === 'sphere' || kind === 'angles' || kind === 'gaussian') {
    if (rest.length !== 2) throw bad();
    return { kind, n: int(rest[0]), d: int(rest[1]) };
  }
  if (kind === 'mnist') {
    if (rest.length !== 1) throw bad();
    return { kind, n: int(rest[0]) };
  }
  if (kind === 'csv') {
    const path = rest.join(':');
    if (path === '') throw bad();
    return { kind, path };
  }
  throw bad();
}
