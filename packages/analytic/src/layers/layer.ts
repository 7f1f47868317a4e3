import type { KernelState } from './kernel-state.ts';

/**
 * A layer of the infinite-width network: a map from one {@link KernelState} to the next (the `kernel_fn` of
 * neural-tangents' stax). Built by {@link dense}, {@link activation}, {@link serial} and {@link mlp}.
 *
 * @example
 * ```ts
 * const net: Layer = serial(dense({ sigmaW2: 2 }), activation('relu'), dense({ sigmaW2: 2 }));
 * const out = net.apply(inputState(x));
 * ```
 */
export interface Layer {
  /** `dense`, `activation` or `serial`. */
  readonly kind: 'dense' | 'activation' | 'serial';
  /** A readable description, e.g. `dense(σ_w²=2, σ_b²=0.1, ntk)` or `activation(relu)`. */
  readonly name: string;
  /** For `serial`: the flattened list of dense and activation layers; otherwise `[this]`. */
  readonly layers: readonly Layer[];
  /**
   * Maps a state to the next.
   * @param state - The incoming state (not modified unless `inPlace`).
   * @param inPlace - Overwrite the incoming state's arrays (saves memory; the caller must own them).
   * @returns The next state.
   * @throws {NumericalError} If a non-finite value appears (naming the layer and the entry).
   */
  apply(state: KernelState, inPlace?: boolean): KernelState;
}
