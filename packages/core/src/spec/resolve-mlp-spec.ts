import { argumentError } from '../errors/argument-error.ts';
import type { MlpSpec, ResolvedMlpSpec } from './mlp-spec.ts';

/** Longest accepted activation expression, in characters. */
export const MAX_ACTIVATION_LENGTH = 500;
const KEYS = new Set([
  'activation',
  'activationDerivative',
  'depth',
  'widths',
  'sigmaW2',
  'sigmaB2',
  'parameterization',
  'outputs',
]);

function perLayer(
  fn: string,
  field: 'sigmaW2' | 'sigmaB2',
  value: unknown,
  count: number,
  fallback: number,
  positive: boolean,
): number[] {
  const expected = positive ? 'a finite number > 0' : 'a finite number ≥ 0';
  const one = (v: unknown, path: string): number => {
    if (typeof v !== 'number') throw argumentError('type', fn, path, expected, v);
    if (!Number.isFinite(v) || (positive ? !(v > 0) : !(v >= 0)))
      throw argumentError('range', fn, path, expected, v);
    return v;
  };
  if (value === undefined) return new Array<number>(count).fill(fallback);
  if (Array.isArray(value)) {
    if (value.length !== count) {
      throw argumentError(
        'range',
        fn,
        `spec.${field}`,
        `a number or an array of depth + 1 = ${count} numbers`,
        value,
      );
    }
    return value.map((v, i) => one(v, `spec.${field}[${i}]`));
  }
  return new Array<number>(count).fill(one(value, `spec.${field}`));
}

/**
 * Validates an {@link MlpSpec} (typically parsed from JSON, a URL or a config file) and fills in defaults.
 *
 * Rules: `activation` a non-empty string (≤ 500 characters; whether it names a known activation or a valid
 * expression is checked by the package that evaluates it); `depth` an integer ≥ 0; `widths` positive
 * integers (one, or one per hidden layer); `sigmaW2` > 0 and `sigmaB2` ≥ 0, finite (one, or depth + 1);
 * `parameterization` `ntk` | `standard`; `outputs` a positive integer; no unknown fields.
 *
 * @param spec - The candidate spec.
 * @param fn - Name of the calling function, used in error messages (default `resolveMlpSpec`).
 * @returns The resolved spec.
 * @throws {ArgumentTypeError} / {@link ArgumentRangeError} Naming the field (`spec.widths[1]`), what was
 *   expected and what came.
 * @example
 * ```ts
 * resolveMlpSpec({ activation: 'relu', depth: 2, sigmaW2: 2 });
 * // { activation: 'relu', depth: 2, widths: null, sigmaW2: [2, 2, 2], sigmaB2: [0, 0, 0], parameterization: 'ntk', outputs: 1 }
 * ```
 */
export function resolveMlpSpec(spec: unknown, fn = 'resolveMlpSpec'): ResolvedMlpSpec {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw argumentError('type', fn, 'spec', 'an object (MlpSpec)', spec);
  }
  const s = spec as Record<string, unknown>;
  for (const k of Object.keys(s)) {
    if (!KEYS.has(k))
      throw argumentError('range', fn, `spec.${k}`, `absent (known fields: ${[...KEYS].join(', ')})`, s[k]);
  }
  const { activation, activationDerivative, depth, widths, parameterization, outputs } = s;
  if (typeof activation !== 'string') {
    throw argumentError(
      'type',
      fn,
      'spec.activation',
      'a built-in activation name or a mathjs expression',
      activation,
    );
  }
  if (activation.trim() === '' || activation.length > MAX_ACTIVATION_LENGTH) {
    throw argumentError(
      'range',
      fn,
      'spec.activation',
      `a non-empty string of ≤ ${MAX_ACTIVATION_LENGTH} characters`,
      activation,
    );
  }
  if (activationDerivative !== undefined) {
    if (typeof activationDerivative !== 'string') {
      throw argumentError(
        'type',
        fn,
        'spec.activationDerivative',
        'a mathjs expression in x',
        activationDerivative,
      );
    }
    if (activationDerivative.trim() === '' || activationDerivative.length > MAX_ACTIVATION_LENGTH) {
      throw argumentError(
        'range',
        fn,
        'spec.activationDerivative',
        `a non-empty string of ≤ ${MAX_ACTIVATION_LENGTH} characters`,
        activationDerivative,
      );
    }
  }
  if (typeof depth !== 'number') throw argumentError('type', fn, 'spec.depth', 'an integer ≥ 0', depth);
  if (!Number.isInteger(depth) || depth < 0 || depth > 1_000_000) {
    throw argumentError('range', fn, 'spec.depth', 'an integer in [0, 1000000]', depth);
  }
  let resolvedWidths: number[] | null = null;
  if (widths !== undefined && widths !== null) {
    const one = (v: unknown, path: string): number => {
      if (typeof v !== 'number') throw argumentError('type', fn, path, 'a positive integer', v);
      if (!Number.isInteger(v) || v < 1) throw argumentError('range', fn, path, 'a positive integer', v);
      return v;
    };
    if (Array.isArray(widths)) {
      if (widths.length !== depth) {
        throw argumentError(
          'range',
          fn,
          'spec.widths',
          `a positive integer or an array of depth = ${depth} integers`,
          widths,
        );
      }
      resolvedWidths = widths.map((w, i) => one(w, `spec.widths[${i}]`));
    } else {
      resolvedWidths = new Array<number>(depth).fill(one(widths, 'spec.widths'));
    }
  }
  const sigmaW2 = perLayer(fn, 'sigmaW2', s['sigmaW2'], depth + 1, 1, true);
  const sigmaB2 = perLayer(fn, 'sigmaB2', s['sigmaB2'], depth + 1, 0, false);
  const param = parameterization ?? 'ntk';
  if (param !== 'ntk' && param !== 'standard') {
    throw argumentError('range', fn, 'spec.parameterization', '"ntk" or "standard"', parameterization);
  }
  const out = outputs ?? 1;
  if (typeof out !== 'number') throw argumentError('type', fn, 'spec.outputs', 'a positive integer', outputs);
  if (!Number.isInteger(out) || out < 1)
    throw argumentError('range', fn, 'spec.outputs', 'a positive integer', outputs);
  return {
    activation,
    ...(activationDerivative === undefined ? {} : { activationDerivative: activationDerivative as string }),
    depth,
    widths: resolvedWidths,
    sigmaW2,
    sigmaB2,
    parameterization: param,
    outputs: out,
  };
}

/**
 * Validates an {@link MlpSpec} and returns it typed (unchanged); see {@link resolveMlpSpec} for the rules.
 *
 * @param spec - The candidate spec.
 * @returns The same object, typed as `MlpSpec`.
 * @throws {ArgumentTypeError} / {@link ArgumentRangeError} Naming the bad field.
 * @example
 * ```ts
 * const spec = validateMlpSpec(JSON.parse(text));
 * ```
 */
export function validateMlpSpec(spec: unknown): MlpSpec {
  resolveMlpSpec(spec, 'validateMlpSpec');
  return spec as MlpSpec;
}
