// The built-in activations: float64 functions, float32-safe sources, TeX, kinks. Internal to the package.
import type { BuiltinActivationName } from '../builtin-activations.ts';
import { erf, erfc } from '../special/erf.ts';
import { erfSource, literal, normalCdfSource } from '../special/float32-sources.ts';

/** What one built-in provides once its parameters are fixed. */
export interface BuiltinParts {
  readonly phi: (x: number) => number;
  readonly phiSource: string;
  readonly dphi: (x: number) => number;
  readonly dphiSource: string;
  readonly tex: { readonly phi: string; readonly dphi: string };
  readonly kinks: readonly number[];
  readonly expression?: string;
  readonly derivativeExpression?: string;
}

/** A built-in: its parameters (names and defaults, in call order) and how to build it. */
export interface BuiltinDefinition {
  readonly canonical: Exclude<BuiltinActivationName, 'silu'>;
  readonly params: readonly (readonly [name: string, fallback: number])[];
  /** Parameters fixed by the definition, reported in `Activation.params` too (leaky_relu: b = 1). */
  readonly fixed?: Readonly<Record<string, number>>;
  readonly build: (p: Readonly<Record<string, number>>) => BuiltinParts;
}

const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const SQRT1_2 = Math.SQRT1_2;

/** e^{−|x|} in a source, the building block of the stable forms below. */
const T = 'Math.exp(-Math.abs(x))';

/** Stable logistic sigmoid 1/(1+e^{−x}): never exponentiates a positive number. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
const SIGMOID_SOURCE = `(x >= 0.0 ? 1.0 / (1.0 + ${T}) : ${T} / (1.0 + ${T}))`;

/** Φ(x) = ½ erfc(−x/√2), accurate in relative terms in both tails. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** mish helper: g = tanh(softplus(x)) and g' = sech²(softplus(x))·σ(x), in terms of t = e^{−|x|}. */
function mishParts(x: number): [g: number, dg: number] {
  const t = Math.exp(-Math.abs(x));
  if (x >= 0) {
    const d = 1 + 2 * t + 2 * t * t;
    return [(1 + 2 * t) / d, (4 * t * t * (1 + t)) / (d * d)];
  }
  const d = t * t + 2 * t + 2;
  return [(t * (t + 2)) / d, (4 * t * (t + 1)) / (d * d)];
}
const MISH_D_POS = `(1.0 + 2.0 * ${T} + 2.0 * ${T} * ${T})`;
const MISH_D_NEG = `(${T} * ${T} + 2.0 * ${T} + 2.0)`;
const MISH_G_SOURCE = `(x >= 0.0 ? (1.0 + 2.0 * ${T}) / ${MISH_D_POS} : ${T} * (${T} + 2.0) / ${MISH_D_NEG})`;
const MISH_DG_SOURCE =
  `(x >= 0.0 ? 4.0 * ${T} * ${T} * (1.0 + ${T}) / (${MISH_D_POS} * ${MISH_D_POS})` +
  ` : 4.0 * ${T} * (${T} + 1.0) / (${MISH_D_NEG} * ${MISH_D_NEG}))`;

/** Piecewise-linear a·x (x < 0), b·x (x ≥ 0); φ'(0) is the left derivative a (PyTorch's convention). */
function piecewiseLinear(
  a: number,
  b: number,
  texPhi: string,
  texDphi: string,
  expression: string,
): BuiltinParts {
  const la = literal(a);
  const lb = literal(b);
  return {
    phi: (x) => (x > 0 ? b * x : a * x),
    phiSource: `(x > 0.0 ? ${lb} * x : ${la} * x)`,
    dphi: (x) => (x > 0 ? b : x <= 0 ? a : Number.NaN),
    dphiSource: `(x > 0.0 ? ${lb} : ${la})`,
    tex: { phi: texPhi, dphi: texDphi },
    kinks: a === b ? [] : [0],
    expression,
    derivativeExpression: `x > 0 ? ${b} : ${a}`,
  };
}

const NONE: readonly (readonly [string, number])[] = [];

/** All built-ins by canonical name. */
export const BUILTIN_DEFINITIONS: ReadonlyMap<string, BuiltinDefinition> = new Map<string, BuiltinDefinition>(
  (
    [
      {
        canonical: 'relu',
        params: NONE,
        build: () => ({
          phi: (x) => (x > 0 ? x : x <= 0 ? 0 : Number.NaN),
          phiSource: '(x > 0.0 ? x : 0.0)',
          dphi: (x) => (x > 0 ? 1 : x <= 0 ? 0 : Number.NaN),
          dphiSource: '(x > 0.0 ? 1.0 : 0.0)',
          tex: { phi: '\\max(x, 0)', dphi: '\\mathbb{1}[x > 0]' },
          kinks: [0],
          expression: 'max(x, 0)',
          derivativeExpression: 'x > 0 ? 1 : 0',
        }),
      },
      {
        canonical: 'leaky_relu',
        params: [['a', 0.01]],
        fixed: { b: 1 },
        build: (p) =>
          piecewiseLinear(
            p['a'] as number,
            1,
            `\\begin{cases} ${p['a']}\\,x & x < 0 \\\\ x & x \\ge 0 \\end{cases}`,
            `\\begin{cases} ${p['a']} & x \\le 0 \\\\ 1 & x > 0 \\end{cases}`,
            `x > 0 ? x : ${p['a']} * x`,
          ),
      },
      {
        canonical: 'abrelu',
        params: [
          ['a', 0.01],
          ['b', 1],
        ],
        build: (p) =>
          piecewiseLinear(
            p['a'] as number,
            p['b'] as number,
            `\\begin{cases} ${p['a']}\\,x & x < 0 \\\\ ${p['b']}\\,x & x \\ge 0 \\end{cases}`,
            `\\begin{cases} ${p['a']} & x \\le 0 \\\\ ${p['b']} & x > 0 \\end{cases}`,
            `x > 0 ? ${p['b']} * x : ${p['a']} * x`,
          ),
      },
      {
        canonical: 'step',
        params: NONE,
        build: () => ({
          phi: (x) => (x >= 0 ? 1 : x < 0 ? 0 : Number.NaN),
          phiSource: '(x >= 0.0 ? 1.0 : 0.0)',
          dphi: (x) => (Number.isNaN(x) ? Number.NaN : 0),
          dphiSource: '0.0',
          tex: { phi: '\\mathbb{1}[x \\ge 0]', dphi: '0 \\quad \\text{(a.e.)}' },
          kinks: [0],
          expression: 'x >= 0 ? 1 : 0',
          derivativeExpression: '0',
        }),
      },
      {
        canonical: 'sign',
        params: NONE,
        build: () => ({
          phi: Math.sign,
          phiSource: '(x > 0.0 ? 1.0 : (x < 0.0 ? -1.0 : 0.0))',
          dphi: (x) => (Number.isNaN(x) ? Number.NaN : 0),
          dphiSource: '0.0',
          tex: { phi: '\\operatorname{sign}(x)', dphi: '0 \\quad \\text{(a.e.)}' },
          kinks: [0],
          expression: 'sign(x)',
          derivativeExpression: '0',
        }),
      },
      {
        canonical: 'erf',
        params: NONE,
        build: () => ({
          phi: erf,
          phiSource: erfSource('x'),
          dphi: (x) => TWO_OVER_SQRT_PI * Math.exp(-x * x),
          dphiSource: `(${TWO_OVER_SQRT_PI} * Math.exp(-x * x))`,
          tex: { phi: '\\operatorname{erf}(x)', dphi: '\\frac{2}{\\sqrt{\\pi}} e^{-x^2}' },
          kinks: [],
          expression: 'erf(x)',
          derivativeExpression: '2 / sqrt(pi) * exp(-x ^ 2)',
        }),
      },
      {
        canonical: 'linear',
        params: NONE,
        build: () => ({
          phi: (x) => x,
          phiSource: 'x',
          dphi: (x) => (Number.isNaN(x) ? Number.NaN : 1),
          dphiSource: '1.0',
          tex: { phi: 'x', dphi: '1' },
          kinks: [],
          expression: 'x',
          derivativeExpression: '1',
        }),
      },
      {
        canonical: 'sin',
        params: NONE,
        build: () => ({
          phi: Math.sin,
          phiSource: 'Math.sin(x)',
          dphi: Math.cos,
          dphiSource: 'Math.cos(x)',
          tex: { phi: '\\sin x', dphi: '\\cos x' },
          kinks: [],
          expression: 'sin(x)',
          derivativeExpression: 'cos(x)',
        }),
      },
      {
        canonical: 'cos',
        params: NONE,
        build: () => ({
          phi: Math.cos,
          phiSource: 'Math.cos(x)',
          dphi: (x) => -Math.sin(x),
          dphiSource: '(-Math.sin(x))',
          tex: { phi: '\\cos x', dphi: '-\\sin x' },
          kinks: [],
          expression: 'cos(x)',
          derivativeExpression: '-sin(x)',
        }),
      },
      {
        canonical: 'exp',
        params: NONE,
        build: () => ({
          phi: Math.exp,
          phiSource: 'Math.exp(x)',
          dphi: Math.exp,
          dphiSource: 'Math.exp(x)',
          tex: { phi: 'e^{x}', dphi: 'e^{x}' },
          kinks: [],
          expression: 'exp(x)',
          derivativeExpression: 'exp(x)',
        }),
      },
      {
        canonical: 'tanh',
        params: NONE,
        build: () => ({
          phi: Math.tanh,
          // sign(x)·(1 − e^{−2|x|})/(1 + e^{−2|x|}): no overflow in float32 (a naive (e^{2x}−1)/(e^{2x}+1) is NaN past x ≈ 44).
          phiSource:
            '((x < 0.0 ? -1.0 : 1.0) * (1.0 - Math.exp(-2.0 * Math.abs(x))) / (1.0 + Math.exp(-2.0 * Math.abs(x))))',
          // sech²x = 4t/(1+t)² with t = e^{−2|x|}: accurate in relative terms for large |x| (1 − tanh² is not).
          dphi: (x) => {
            const t = Math.exp(-2 * Math.abs(x));
            return (4 * t) / ((1 + t) * (1 + t));
          },
          dphiSource:
            '(4.0 * Math.exp(-2.0 * Math.abs(x)) / ((1.0 + Math.exp(-2.0 * Math.abs(x))) * (1.0 + Math.exp(-2.0 * Math.abs(x)))))',
          tex: { phi: '\\tanh x', dphi: '\\operatorname{sech}^2 x' },
          kinks: [],
          expression: 'tanh(x)',
          derivativeExpression: 'sech(x) ^ 2',
        }),
      },
      {
        canonical: 'sigmoid',
        params: NONE,
        build: () => ({
          phi: sigmoid,
          phiSource: SIGMOID_SOURCE,
          // σ(x)σ(−x) = t/(1+t)², t = e^{−|x|}.
          dphi: (x) => {
            const t = Math.exp(-Math.abs(x));
            return t / ((1 + t) * (1 + t));
          },
          dphiSource: `(${T} / ((1.0 + ${T}) * (1.0 + ${T})))`,
          tex: { phi: '\\frac{1}{1 + e^{-x}}', dphi: '\\sigma(x)\\,(1 - \\sigma(x))' },
          kinks: [],
          expression: '1 / (1 + exp(-x))',
          derivativeExpression: 'exp(-x) / (1 + exp(-x)) ^ 2',
        }),
      },
      {
        canonical: 'softplus',
        params: NONE,
        build: () => ({
          // max(x, 0) + log1p(e^{−|x|}): exact for large |x| in both directions.
          phi: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
          phiSource: `((x > 0.0 ? x : 0.0) + Math.log(1.0 + ${T}))`,
          dphi: sigmoid,
          dphiSource: SIGMOID_SOURCE,
          tex: { phi: '\\log(1 + e^{x})', dphi: '\\frac{1}{1 + e^{-x}}' },
          kinks: [],
          expression: 'log(1 + exp(x))',
          derivativeExpression: '1 / (1 + exp(-x))',
        }),
      },
      {
        canonical: 'gelu',
        params: NONE,
        build: () => ({
          phi: (x) => x * normalCdf(x),
          phiSource: `(x * ${normalCdfSource('x')})`,
          dphi: (x) => normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x),
          dphiSource: `(${normalCdfSource('x')} + x * ${INV_SQRT_2PI} * Math.exp(-0.5 * x * x))`,
          tex: { phi: 'x\\,\\Phi(x)', dphi: '\\Phi(x) + x\\,\\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}' },
          kinks: [],
          expression: 'x * (1 + erf(x / sqrt(2))) / 2',
          derivativeExpression: '(1 + erf(x / sqrt(2))) / 2 + x * exp(-x ^ 2 / 2) / sqrt(2 * pi)',
        }),
      },
      {
        canonical: 'swish',
        params: NONE,
        build: () => ({
          phi: (x) => x * sigmoid(x),
          phiSource: `(x * ${SIGMOID_SOURCE})`,
          // σ(x)(1 + x σ(−x)), with σ(±x) from t = e^{−|x|}.
          dphi: (x) => {
            const t = Math.exp(-Math.abs(x));
            const p = 1 / (1 + t);
            return x >= 0 ? p * (1 + x * t * p) : t * p * (1 + x * p);
          },
          dphiSource: `(x >= 0.0 ? (1.0 + x * ${T} / (1.0 + ${T})) / (1.0 + ${T}) : ${T} * (1.0 + x / (1.0 + ${T})) / (1.0 + ${T}))`,
          tex: { phi: '\\frac{x}{1 + e^{-x}}', dphi: '\\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)' },
          kinks: [],
          expression: 'x / (1 + exp(-x))',
          derivativeExpression: '1 / (1 + exp(-x)) + x * exp(-x) / (1 + exp(-x)) ^ 2',
        }),
      },
      {
        canonical: 'elu',
        params: [['alpha', 1]],
        build: (p) => {
          const alpha = p['alpha'] as number;
          const la = literal(alpha);
          return {
            phi: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
            phiSource: `(x > 0.0 ? x : ${la} * (Math.exp(x) - 1.0))`,
            dphi: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
            dphiSource: `(x > 0.0 ? 1.0 : ${la} * Math.exp(x))`,
            tex: {
              phi: `\\begin{cases} ${alpha}\\,(e^{x} - 1) & x \\le 0 \\\\ x & x > 0 \\end{cases}`,
              dphi: `\\begin{cases} ${alpha}\\,e^{x} & x \\le 0 \\\\ 1 & x > 0 \\end{cases}`,
            },
            kinks: [0],
            expression: `x > 0 ? x : ${alpha} * (exp(x) - 1)`,
            derivativeExpression: `x > 0 ? 1 : ${alpha} * exp(x)`,
          };
        },
      },
      {
        canonical: 'mish',
        params: NONE,
        build: () => ({
          phi: (x) => x * mishParts(x)[0],
          phiSource: `(x * ${MISH_G_SOURCE})`,
          dphi: (x) => {
            const [g, dg] = mishParts(x);
            return g + x * dg;
          },
          dphiSource: `(${MISH_G_SOURCE} + x * ${MISH_DG_SOURCE})`,
          tex: {
            phi: 'x \\tanh(\\operatorname{softplus}(x))',
            dphi: '\\tanh(\\operatorname{softplus}(x)) + x\\,\\operatorname{sech}^2(\\operatorname{softplus}(x))\\,\\sigma(x)',
          },
          kinks: [],
          expression: 'x * tanh(log(1 + exp(x)))',
          derivativeExpression:
            'tanh(log(1 + exp(x))) + x * sech(log(1 + exp(x))) ^ 2 * exp(x) / (1 + exp(x))',
        }),
      },
    ] satisfies BuiltinDefinition[]
  ).map((d) => [d.canonical, d]),
);
