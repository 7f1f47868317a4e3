import type { Mlp } from '@ntk/empirical';
import { trainMlpStream } from './train-mlp-stream.ts';
import type { TrainData, TrainOptions, TrainRecord, TrainResult } from './types.ts';

/** Options of {@link trainMlp}: those of {@link trainMlpStream} plus a callback. */
export interface TrainMlpOptions extends TrainOptions {
  /** Called with each record as soon as it is made (awaited if it returns a promise). */
  readonly onRecord?: (record: TrainRecord) => void | Promise<void>;
}

/**
 * Trains a finite network on the MSE loss (1/N)Σ½‖y − f‖² and returns the trained network and the records;
 * {@link trainMlpStream} run to completion, with an optional `onRecord` callback. See {@link trainMlpStream}
 * for the update rule, the time convention t = Σ_k η_k and what is recorded.
 *
 * @param net - Network at initialisation (not modified).
 * @param data - Train, test and probe data.
 * @param options - As {@link trainMlpStream}, plus `onRecord`.
 * @returns The result.
 * @throws As {@link trainMlpStream}.
 * @example
 * ```ts
 * const { records } = await trainMlp(net, { xTrain, yTrain }, { learningRate: 0.5, time: 20, recordEvery: 5 });
 * ```
 */
export async function trainMlp(net: Mlp, data: TrainData, options: TrainMlpOptions): Promise<TrainResult> {
  const it = trainMlpStream(net, data, options);
  for (;;) {
    const r = await it.next();
    if (r.done) return r.value;
    if (options.onRecord !== undefined) await options.onRecord(r.value);
  }
}
