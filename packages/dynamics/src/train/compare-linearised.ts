import { argumentError } from '@ntk/core';
import type { Mlp } from '@ntk/empirical';
import { trainMlpStream } from './train-mlp-stream.ts';
import type { TrainData, TrainOptions, TrainRecord } from './types.ts';

/** One record of {@link compareLinearised}. */
export interface LinearisedComparisonRecord {
  /** Step k. */
  readonly step: number;
  /** Time t = Σ_{j<k} η_j. */
  readonly time: number;
  /** √(mean over training points of ‖f_lin(x) − f(x)‖₂²). */
  readonly trainDistance: number;
  /** The same over the test points (null without test data). */
  readonly testDistance: number | null;
  /** The network's record. */
  readonly network: TrainRecord;
  /** The linearised model's record. */
  readonly linearised: TrainRecord;
}

/** Options of {@link compareLinearised}: those of {@link trainMlpStream} except `linearised` and `keepPredictions`. */
export type CompareLinearisedOptions = Omit<TrainOptions, 'linearised' | 'keepPredictions'> & {
  /** Called with each record as soon as it is made. */
  readonly onRecord?: (record: LinearisedComparisonRecord) => void | Promise<void>;
};

/**
 * Trains a network and its linearisation f_lin(x; θ) = f(x; θ₀) + J(x; θ₀)(θ − θ₀) side by side, with the same
 * optimiser, learning rates and minibatches (same key), and reports at each record the distance between their
 * outputs on the training and test points. Lee et al. (2019, Theorem 2.1) bound sup_t ‖f_lin − f‖ by
 * O(1/√width) in the NTK parameterisation, so the distance measures how "lazy" a finite network is.
 *
 * @param net - Network at initialisation (not modified).
 * @param data - Train (and test, probe) data.
 * @param options - As {@link trainMlpStream}, plus `onRecord`.
 * @returns The comparison records.
 * @throws As {@link trainMlpStream}.
 * @example
 * ```ts
 * const recs = await compareLinearised(net, { xTrain, yTrain, xTest, yTest }, { learningRate: 1, steps: 200, recordEvery: 20 });
 * recs.map((r) => r.testDistance);
 * ```
 */
export async function compareLinearised(
  net: Mlp,
  data: TrainData,
  options: CompareLinearisedOptions,
): Promise<LinearisedComparisonRecord[]> {
  if (typeof options !== 'object' || options === null) {
    throw argumentError('type', 'compareLinearised', 'options', 'an object', options);
  }
  const a = trainMlpStream(net, data, { ...options, keepPredictions: true, linearised: false });
  const b = trainMlpStream(net, data, { ...options, keepPredictions: true, linearised: true });
  const out: LinearisedComparisonRecord[] = [];
  for (;;) {
    const [ra, rb] = await Promise.all([a.next(), b.next()]);
    if (ra.done || rb.done) break;
    const n = ra.value;
    const l = rb.value;
    const dist = (p: TrainRecord['trainPredictions'], q: TrainRecord['trainPredictions']): number | null => {
      if (p === null || q === null) return null;
      let s = 0;
      for (let i = 0; i < p.data.length; i++) s += ((p.data[i] as number) - (q.data[i] as number)) ** 2;
      return Math.sqrt(s / p.rows);
    };
    const rec: LinearisedComparisonRecord = {
      step: n.step,
      time: n.time,
      trainDistance: dist(n.trainPredictions, l.trainPredictions) as number,
      testDistance: dist(n.testPredictions, l.testPredictions),
      network: n,
      linearised: l,
    };
    out.push(rec);
    if (options.onRecord !== undefined) await options.onRecord(rec);
  }
  return out;
}
