// JavaScript source snippets (one expression each, Math.* only) for functions missing from `Math`, meant
// for code-generating backends that compute in float32 (gpu.js). Internal to the package.

/**
 * Formats a number as a JavaScript literal that reads as a float (`1.0`, not `1`) and is safe to splice
 * into an expression (negative values in parentheses).
 *
 * @param v - A finite number.
 * @returns The literal.
 */
export function literal(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`literal: ${v} is not finite`);
  let s = String(Math.abs(v));
  if (/^\d+$/.test(s)) s += '.0';
  return v < 0 || Object.is(v, -0) ? `(-${s})` : s;
}

/**
 * erfc(z) for z ≥ 0 as a JavaScript expression: the Chebyshev fit of Numerical Recipes (`erfcc`,
 * Press et al. 2007 §6.2), relative error < 1.2e-7 for all z ≥ 0.
 *
 * @param z - Source of a non-negative argument (it is repeated 11 times: pass a cheap expression).
 * @returns Source of erfc(z).
 */
export function erfcPositiveSource(z: string): string {
  const t = `(1.0 / (1.0 + 0.5 * ${z}))`;
  const coefficients = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
    -0.82215223, 0.17087277,
  ];
  let poly = literal(coefficients[coefficients.length - 1] as number);
  for (let i = coefficients.length - 2; i >= 0; i--) {
    const c = coefficients[i] as number;
    poly = `${c < 0 ? `-${literal(-c)}` : literal(c)} + ${t} * (${poly})`;
    poly = `(${poly})`;
  }
  return `(${t} * Math.exp(-(${z}) * (${z}) + ${poly}))`;
}

/** 2/√π times the Taylor coefficients of erf: erf(u) = Σ c_n u^{2n+1}. */
const ERF_TAYLOR = [1, -1 / 3, 1 / 10, -1 / 42, 1 / 216, -1 / 1320].map((c) => (2 / Math.sqrt(Math.PI)) * c);

/**
 * erf(u) as a JavaScript expression: the Taylor series to u¹¹ for |u| < 0.5 (relative error < 4e-8, so
 * accurate near 0 too) and ±(1 − erfc(|u|)) from {@link erfcPositiveSource} elsewhere (absolute error < 1.2e-7).
 *
 * @param u - Source of the argument (repeated: pass a cheap expression such as `x`).
 * @returns Source of erf(u).
 */
export function erfSource(u: string): string {
  const u2 = `(${u}) * (${u})`;
  let poly = literal(ERF_TAYLOR[ERF_TAYLOR.length - 1] as number);
  for (let i = ERF_TAYLOR.length - 2; i >= 0; i--) {
    const c = ERF_TAYLOR[i] as number;
    poly = `(${literal(c)} + ${u2} * ${poly})`;
  }
  const a = `Math.abs(${u})`;
  return `(${a} < 0.5 ? (${u}) * ${poly} : (${u} < 0.0 ? -1.0 : 1.0) * (1.0 - ${erfcPositiveSource(a)}))`;
}

/**
 * The standard normal CDF Φ(x) = ½ erfc(−x/√2) as a JavaScript expression, with relative error < 1.2e-7 in
 * both tails (Φ(x) for x < 0 is ½·erfc(|x|/√2), never 1 − something).
 *
 * @param x - Source of the argument (repeated: pass a cheap expression such as `x`).
 * @returns Source of Φ(x).
 */
export function normalCdfSource(x: string): string {
  const e = erfcPositiveSource(`Math.abs(${x}) * 0.7071067811865476`);
  return `((${x} < 0.0 ? 0.0 : 1.0) + (${x} < 0.0 ? 0.5 : -0.5) * ${e})`;
}
