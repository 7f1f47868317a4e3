// High-precision (60 significant digits, mathjs BigNumber = decimal.js) reference definitions of the built-in
// activations and their derivatives, written from the textbook formulas with no float64 tricks: the independent
// reference the float64 implementations are tested against. Test support only.
import { all, type BigNumber, create } from 'mathjs';

const m = create(all, { precision: 60 });
/** A BigNumber from a float64 (exactly: the float's decimal expansion is finite). */
export const big = (v: number | string): BigNumber => m.bignumber(v) as BigNumber;
const ONE = big(1);
const TWO = big(2);
const PI = ONE.neg().acos(); // π to 60 digits (m.pi is only the float64 value)
const SQRT_PI = PI.sqrt();

/**
 * erfc(x) for x ≥ 0: the positive series erf(x) = (2/√π) e^{−x²} Σ 2ⁿ x^{2n+1}/(1·3·…·(2n+1)) (no cancellation)
 * for x ≤ 5.5, where 1 − erf(x) keeps ≥ 45 digits; for x > 5.5 the continued fraction
 * erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), summed bottom-up from 600 terms
 * (checked against the series at 3 < x ≤ 5 in big-reference.test.ts).
 */
function erfcPositive(x: BigNumber): BigNumber {
  if (x.lte(5.5)) return ONE.minus(erfSeries(x));
  let tail = x;
  for (let n = 600; n >= 1; n--) tail = x.plus(big(n).div(TWO).div(tail));
  return x.times(x).neg().exp().div(SQRT_PI).div(tail);
}

/** erf(x) by the positive series, any x ≥ 0 (slow for large x; used by the self-check). */
export function erfSeries(x: BigNumber): BigNumber {
  const x2 = x.times(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 10_000; n++) {
    term = term
      .times(x2)
      .times(TWO)
      .div(2 * n + 1);
    sum = sum.plus(term);
    if (term.lt(sum.times(big('1e-62')))) break;
  }
  return sum.times(TWO).div(SQRT_PI).times(x2.neg().exp());
}

/** erf(x) to 60 digits. */
export function erfBig(x: BigNumber): BigNumber {
  if (x.isZero()) return x;
  const ax = x.abs();
  const r = ax.lte(5.5) ? erfSeries(ax) : ONE.minus(erfcPositive(ax));
  return x.isNeg() ? r.neg() : r;
}

/** erfc(x) to 60 digits (relative, also deep in the tail). */
export function erfcBig(x: BigNumber): BigNumber {
  return x.isNeg() ? TWO.minus(erfcPositive(x.neg())) : erfcPositive(x);
}

/** e^x − 1 without cancellation (Taylor series for |x| < 1e-3, 14 terms: error < 1e-45 relative). */
function expm1(x: BigNumber): BigNumber {
  if (x.abs().gte(1e-3)) return x.exp().minus(1);
  let term = x;
  let sum = x;
  for (let n = 2; n <= 14; n++) {
    term = term.times(x).div(n);
    sum = sum.plus(term);
  }
  return sum;
}
/** log(1 + y) without cancellation (series for |y| < 1e-3). */
function log1p(y: BigNumber): BigNumber {
  if (y.abs().gte(1e-3)) return ONE.plus(y).ln();
  let power = y;
  let sum = y;
  for (let n = 2; n <= 18; n++) {
    power = power.times(y).neg();
    sum = sum.plus(power.div(n));
  }
  return sum;
}
const sigmoid = (x: BigNumber): BigNumber => ONE.div(ONE.plus(x.neg().exp()));
/** σ'(x) = e^{−x}/(1+e^{−x})², which has no cancellation for large |x| (σ(1−σ) does at 60 digits). */
const dsigmoid = (x: BigNumber): BigNumber => {
  const e = x.abs().neg().exp();
  return e.div(ONE.plus(e).times(ONE.plus(e)));
};
const tanh = (x: BigNumber): BigNumber => {
  const e = expm1(x.times(2));
  return e.div(e.plus(2));
};
/** sech²x = 4/(eˣ + e⁻ˣ)², no cancellation (1 − tanh² has some for large |x|). */
const sech2 = (x: BigNumber): BigNumber => {
  const c = x.exp().plus(x.neg().exp());
  return big(4).div(c.times(c));
};
const softplus = (x: BigNumber): BigNumber => log1p(x.exp());
const normalCdf = (x: BigNumber): BigNumber => erfcBig(x.neg().div(TWO.sqrt())).div(2);
const normalPdf = (x: BigNumber): BigNumber => x.times(x).div(2).neg().exp().div(PI.times(2).sqrt());

/** φ and φ' of the smooth built-ins (and elu) in 60-digit arithmetic. */
export const BIG_REFERENCE: Readonly<
  Record<string, readonly [(x: BigNumber) => BigNumber, (x: BigNumber) => BigNumber]>
> = {
  erf: [erfBig, (x) => TWO.div(SQRT_PI).times(x.times(x).neg().exp())],
  exp: [(x) => x.exp(), (x) => x.exp()],
  sin: [(x) => x.sin(), (x) => x.cos()],
  cos: [(x) => x.cos(), (x) => x.sin().neg()],
  tanh: [tanh, sech2],
  sigmoid: [sigmoid, dsigmoid],
  softplus: [softplus, sigmoid],
  gelu: [(x) => x.times(normalCdf(x)), (x) => normalCdf(x).plus(x.times(normalPdf(x)))],
  swish: [(x) => x.times(sigmoid(x)), (x) => sigmoid(x).plus(x.times(dsigmoid(x)))],
  mish: [
    (x) => x.times(tanh(softplus(x))),
    (x) => tanh(softplus(x)).plus(x.times(sech2(softplus(x))).times(sigmoid(x))),
  ],
  'elu(1)': [(x) => (x.gt(0) ? x : expm1(x)), (x) => (x.gt(0) ? ONE : x.exp())],
  'elu(0.5)': [(x) => (x.gt(0) ? x : expm1(x).times(0.5)), (x) => (x.gt(0) ? ONE : x.exp().times(0.5))],
};
