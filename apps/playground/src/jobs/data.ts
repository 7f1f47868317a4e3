import { foldIn, type Key, key, loadMnist, Matrix, type MlpSpec, pointsAtAngles, sphere } from '@ntk/core';
import { inputDim, type PlaygroundState } from '../state.ts';

/** Inputs, scalar targets and a short label per input. */
export interface Dataset {
  readonly x: Matrix;
  readonly y: Matrix;
  readonly labels: readonly string[];
}

/** The keys every job derives from the seed: data, network initialisation, Monte-Carlo samples. */
export function seedKeys(seed: number): { data: Key; init: Key; samples: Key } {
  const k = key(seed);
  return { data: foldIn(k, 0), init: foldIn(k, 1), samples: foldIn(k, 2) };
}

/**
 * The data a state names, with ‖x‖² = d for every input:
 * - `sphere`: n uniform points on the sphere of radius √d in ℝ^d; target sign(x₁);
 * - `angles`: n points on a great circle at angles θ_i = 2πi/n (an angle sweep); target cos 3θ;
 * - `mnist`: n digits of the bundled subset, centred and scaled to the sphere, sorted by digit; target +1 for
 *   even digits, −1 for odd.
 */
export async function makeData(state: PlaygroundState): Promise<Dataset> {
  const n = state.n;
  const d = inputDim(state);
  const { data } = seedKeys(state.seed);
  if (state.data === 'sphere') {
    const x = sphere(data, n, d);
    const y = new Matrix(
      n,
      1,
      Float64Array.from({ length: n }, (_, i) => (x.get(i, 0) >= 0 ? 1 : -1)),
    );
    return { x, y, labels: Array.from({ length: n }, (_, i) => `x${i}`) };
  }
  if (state.data === 'angles') {
    const thetas = Float64Array.from({ length: n }, (_, i) => (2 * Math.PI * i) / n);
    const x = pointsAtAngles(thetas, d, { key: data });
    const y = new Matrix(
      n,
      1,
      thetas.map((t) => Math.cos(3 * t)),
    );
    return { x, y, labels: Array.from(thetas, (t) => `${Math.round((t * 180) / Math.PI)}°`) };
  }
  const m = await loadMnist({ n, digits: state.digits, key: data, normalise: 'sphere' });
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (m.labels[a] as number) - (m.labels[b] as number) || a - b,
  );
  const x = Matrix.zeros(n, d);
  order.forEach((src, dst) => {
    x.data.set(m.x.data.subarray(src * d, (src + 1) * d), dst * d);
  });
  const labels = order.map((i) => m.labels[i] as number);
  const y = new Matrix(
    n,
    1,
    Float64Array.from(labels, (l) => (l % 2 === 0 ? 1 : -1)),
  );
  return { x, y, labels: labels.map(String) };
}

/** The network description shared by the analytic and the finite computations. */
export function specOf(state: PlaygroundState, depth = state.depth, width = state.width): MlpSpec {
  return {
    activation: state.activation,
    ...(state.derivative.trim() === '' ? {} : { activationDerivative: state.derivative }),
    depth,
    widths: width,
    sigmaW2: state.sigmaW2,
    sigmaB2: state.sigmaB2,
    parameterization: state.parameterization,
  };
}
