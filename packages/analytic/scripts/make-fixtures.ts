// Generates the reference fixtures of @ntk/analytic's accuracy tests, independently of the package's code:
//   fixtures/moments.json  E[φ(u)φ(v)] and E[φ'(u)φ'(v)] for (u, v) ~ N(0, [[q1, c], [c, q2]]), c = ρ√(q1q2):
//     - positively homogeneous activations (relu, leaky/ab-relu, step, sign): polar coordinates, where the radial
//       integral is exact (∫ r^{p+1} e^{−r²/2} dr = 2^{p/2} Γ(p/2 + 1)) and the angular one is piecewise smooth
//       between the lines u = 0, v = 0: composite Gauss–Legendre, 40 nodes per piece (machine precision);
//     - smooth activations (erf, linear, sin, cos, exp): the 2-D trapezoid rule on [−12, 12]² with h = 0.03, which
//       converges geometrically for entire integrands with Gaussian weight (error ≪ 1e-14), summed with Kahan.
//   fixtures/deep.json  the ReLU and erf NNGP/NTK recursions of DESIGN §3 run in 64-digit decimal arithmetic
//     (mathjs BigNumber) to L = 10,000 on three inputs, recorded at L = 1000 and L = 10,000.
// Run: cd packages/analytic && npx tsx scripts/make-fixtures.ts   (about a minute)
import { writeFileSync } from 'node:fs';
import { all, create } from 'mathjs';

type Fn = (x: number) => number;
const math = create(all);
const erf = (x: number): number => math.erf(x) as number;

const HOMOGENEOUS: Record<string, { deg: number; phi: Fn; dphi: Fn; ddeg: number }> = {
  relu: { deg: 1, phi: (x) => (x > 0 ? x : 0), dphi: (x) => (x > 0 ? 1 : 0), ddeg: 0 },
  'leaky_relu(0.1)': { deg: 1, phi: (x) => (x > 0 ? x : 0.1 * x), dphi: (x) => (x > 0 ? 1 : 0.1), ddeg: 0 },
  'abrelu(-0.5, 2)': {
    deg: 1,
    phi: (x) => (x > 0 ? 2 * x : -0.5 * x),
    dphi: (x) => (x > 0 ? 2 : -0.5),
    ddeg: 0,
  },
  step: { deg: 0, phi: (x) => (x >= 0 ? 1 : 0), dphi: () => 0, ddeg: 0 },
  sign: { deg: 0, phi: (x) => Math.sign(x), dphi: () => 0, ddeg: 0 },
};
const SMOOTH: Record<string, { phi: Fn; dphi: Fn }> = {
  erf: { phi: erf, dphi: (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) },
  linear: { phi: (x) => x, dphi: () => 1 },
  sin: { phi: Math.sin, dphi: Math.cos },
  cos: { phi: Math.cos, dphi: (x) => -Math.sin(x) },
  exp: { phi: Math.exp, dphi: Math.exp },
};

function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let t = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = t;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * t * p1 - (k - 1) * p0) / k];
      dp = (n * (t * p1 - p0)) / (t * t - 1);
      const dt = p1 / dp;
      t -= dt;
      if (Math.abs(dt) < 1e-16) break;
    }
    x.push(t);
    w.push(2 / ((1 - t * t) * dp * dp));
  }
  return { x, w };
}
const GL = gaussLegendre(40);

function polar(phiA: Fn, phiB: Fn, degSum: number, q1: number, q2: number, rho: number): number {
  const r1 = Math.sqrt(q1);
  const r2 = Math.sqrt(q2);
  const sr = Math.sqrt(Math.max(0, 1 - rho * rho));
  const U = (t: number) => r1 * Math.cos(t);
  const V = (t: number) => r2 * (rho * Math.cos(t) + sr * Math.sin(t));
  const tv = Math.atan2(-rho, sr); // V(t) = 0 at t = tv and tv + π
  const cuts = [
    0,
    Math.PI / 2,
    (3 * Math.PI) / 2,
    2 * Math.PI,
    ...[tv, tv + Math.PI, tv + 2 * Math.PI].filter((t) => t > 0 && t < 2 * Math.PI),
  ];
  cuts.sort((a, b) => a - b);
  let s = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!;
    const b = cuts[k + 1]!;
    if (b - a < 1e-15) continue;
    for (let i = 0; i < GL.x.length; i++) {
      const t = 0.5 * (a + b) + 0.5 * (b - a) * GL.x[i]!;
      s += 0.5 * (b - a) * GL.w[i]! * phiA(U(t)) * phiB(V(t));
    }
  }
  const radial = 2 ** (degSum / 2) * math.gamma(degSum / 2 + 1);
  return (radial * s) / (2 * Math.PI);
}

function trapezoid(phiA: Fn, phiB: Fn, q1: number, q2: number, rho: number): number {
  const h = 0.03;
  const n = Math.round(12 / h);
  const r1 = Math.sqrt(q1);
  const r2 = Math.sqrt(q2);
  const sr = Math.sqrt(Math.max(0, 1 - rho * rho));
  let sum = 0;
  let comp = 0;
  for (let i = -n; i <= n; i++) {
    const z1 = i * h;
    const a = phiA(r1 * z1) * Math.exp(-0.5 * z1 * z1);
    for (let j = -n; j <= n; j++) {
      const z2 = j * h;
      const term = a * phiB(r2 * (rho * z1 + sr * z2)) * Math.exp(-0.5 * z2 * z2) - comp;
      const t = sum + term;
      comp = t - sum - term;
      sum = t;
    }
  }
  return (sum * h * h) / (2 * Math.PI);
}

const POINTS: Array<[number, number, number]> = [
  [1, 1, 0.5],
  [2, 0.5, -0.3],
  [0.7, 1.3, 0.9],
  [1, 1, 0.999],
  [1.5, 1.5, -0.95],
  [1, 2, 0],
  [1.3, 1.3, 1],
];
const moments: unknown[] = [];
for (const [name, h] of Object.entries(HOMOGENEOUS)) {
  for (const [q1, q2, rho] of POINTS) {
    moments.push({
      activation: name,
      q1,
      q2,
      rho,
      phiphi: polar(h.phi, h.phi, 2 * h.deg, q1, q2, rho),
      dphidphi: polar(h.dphi, h.dphi, 2 * h.ddeg, q1, q2, rho),
      scalePhi: Math.sqrt(
        polar(h.phi, h.phi, 2 * h.deg, q1, q1, 1) * polar(h.phi, h.phi, 2 * h.deg, q2, q2, 1),
      ),
    });
  }
}
for (const [name, s] of Object.entries(SMOOTH)) {
  for (const [q1, q2, rho] of POINTS) {
    moments.push({
      activation: name,
      q1,
      q2,
      rho,
      phiphi: trapezoid(s.phi, s.phi, q1, q2, rho),
      dphidphi: trapezoid(s.dphi, s.dphi, q1, q2, rho),
      scalePhi: Math.sqrt(trapezoid(s.phi, s.phi, q1, q1, 1) * trapezoid(s.phi, s.phi, q2, q2, 1)),
    });
  }
  console.log('moments', name);
}
writeFileSync(
  new URL('../fixtures/moments.json', import.meta.url),
  `${JSON.stringify({ generator: 'scripts/make-fixtures.ts', moments }, null, 1)}\n`,
);

// Deep recursions in 64-digit arithmetic.
const big = create(all, { number: 'BigNumber', precision: 64 });
type B = { toString(): string };
const bn = (v: number | string): B => big.bignumber(v) as unknown as B;
// mathjs's typings do not follow BigNumber through every function; give the few we use one loose signature.
type Op = (...args: unknown[]) => B;
const bm = big as unknown as Record<
  'add' | 'subtract' | 'multiply' | 'divide' | 'sqrt' | 'acos' | 'asin' | 'sin',
  Op
> & {
  larger: (a: unknown, b: unknown) => boolean;
};
const X = [
  [1, 2, 0, -1],
  [0.5, -1, 3, 0.2],
  [2, 1, 1, 1.5],
];
const d = X[0]!.length;
const PI = big.pi as unknown as B;
function deep(act: 'relu' | 'erf', sw2: number, sb2: number, record: number[]) {
  const W = bn(sw2);
  const Bb = bn(sb2);
  const n = X.length;
  let S: B[][] = X.map((a) =>
    X.map((b) => bm.add(bm.divide(bm.multiply(W, bn(a.reduce((s, v, k) => s + v * b[k]!, 0))), d), Bb) as B),
  );
  let T: B[][] = S.map((r) => r.slice());
  const out: Record<string, { nngp: string[][]; ntk: string[][] }> = {};
  const maxL = Math.max(...record);
  for (let l = 1; l <= maxL; l++) {
    const S2: B[][] = [];
    const T2: B[][] = [];
    for (let i = 0; i < n; i++) {
      S2.push([]);
      T2.push([]);
      for (let j = 0; j < n; j++) {
        const qi = S[i]![i]!;
        const qj = S[j]![j]!;
        const c = S[i]![j]!;
        let e: B;
        let ed: B;
        if (act === 'relu') {
          const sq = bm.sqrt(bm.multiply(qi, qj) as B) as B;
          let rho = bm.divide(c, sq) as B;
          if (bm.larger(rho, 1)) rho = bn(1);
          const th = bm.acos(rho) as B;
          e = bm.divide(
            bm.multiply(sq, bm.add(bm.sin(th), bm.multiply(bm.subtract(PI, th), rho))),
            bm.multiply(2, PI),
          ) as B;
          ed = bm.divide(bm.subtract(PI, th), bm.multiply(2, PI)) as B;
        } else {
          const a = bm.multiply(bm.add(1, bm.multiply(2, qi)), bm.add(1, bm.multiply(2, qj))) as B;
          e = bm.multiply(bm.divide(2, PI), bm.asin(bm.divide(bm.multiply(2, c), bm.sqrt(a)))) as B;
          ed = bm.divide(bm.divide(4, PI), bm.sqrt(bm.subtract(a, bm.multiply(4, bm.multiply(c, c))))) as B;
        }
        const s2 = bm.add(bm.multiply(W, e), Bb) as B;
        S2[i]!.push(s2);
        T2[i]!.push(bm.add(s2, bm.multiply(T[i]![j]!, bm.multiply(W, ed))) as B);
      }
    }
    S = S2;
    T = T2;
    if (record.includes(l)) {
      out[String(l)] = {
        nngp: S.map((r) => r.map((v) => v.toString())),
        ntk: T.map((r) => r.map((v) => v.toString())),
      };
      console.log('deep', act, sw2, sb2, l);
    }
  }
  return out;
}
const deepCases = [
  { activation: 'relu', sigmaW2: 2, sigmaB2: 0.1 },
  { activation: 'relu', sigmaW2: 2, sigmaB2: 0 },
  { activation: 'erf', sigmaW2: 1.5, sigmaB2: 0.05 },
] as const;
const deepOut = deepCases.map((c) => ({
  ...c,
  x: X,
  depths: deep(c.activation, c.sigmaW2, c.sigmaB2, [1000, 10000]),
}));
writeFileSync(
  new URL('../fixtures/deep.json', import.meta.url),
  `${JSON.stringify({ generator: 'scripts/make-fixtures.ts', precisionDigits: 64, cases: deepOut }, null, 1)}\n`,
);
