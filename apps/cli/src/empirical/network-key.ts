import { foldIn, type Key, key } from '@ntk/core';

/**
 * The stream of a run's seed that draws its networks: `foldIn(key(seed), 1)` (the data use stream 0, see
 * `dataKey`). Initialisation k (k = 0..K−1) of `ntk empirical --samples K` and the network of `ntk train` use
 * {@link initialisationKey}.
 *
 * @param seed - The run's seed (a safe integer).
 * @returns The key.
 * @example
 * ```ts
 * const base = networkKey(0); // foldIn(key(0), 1)
 * ```
 */
export function networkKey(seed: number): Key {
  return foldIn(key(seed), 1);
}

/**
 * The key of initialisation k of a run: `foldIn(networkKey(seed), k) = foldIn(foldIn(key(seed), 1), k)`, the
 * key that `empiricalMomentsUnit` of `@ntk/empirical` gives sample k when its base key is
 * {@link networkKey}(seed). `ntk empirical --samples 1` and `ntk train` use k = 0.
 *
 * @param seed - The run's seed.
 * @param k - Which initialisation (≥ 0).
 * @returns The key.
 * @example
 * ```ts
 * const net = initMlp(spec, initialisationKey(0, 0), x.cols);
 * ```
 */
export function initialisationKey(seed: number, k: number): Key {
  return foldIn(networkKey(seed), k);
}
