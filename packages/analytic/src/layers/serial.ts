import { argumentError } from '@ntk/core';
import type { KernelState } from './kernel-state.ts';
import type { Layer } from './layer.ts';

/**
 * Composition of layers, applied left to right: serial(f, g).apply(s) = g.apply(f.apply(s)).
 *
 * @param layers - Layers built by {@link dense}, {@link activation}, {@link serial} or {@link mlp}.
 * @returns The composed layer (its `layers` is the flattened list).
 * @throws {ArgumentTypeError} If an argument is not a layer.
 * @example
 * ```ts
 * const block = serial(dense({ sigmaW2: 2 }), activation('relu'));
 * const net = serial(block, block, dense({ sigmaW2: 2 })); // depth 2
 * ```
 */
export function serial(...layers: Layer[]): Layer {
  const flat: Layer[] = [];
  layers.forEach((l, i) => {
    if (l === null || typeof l !== 'object' || typeof l.apply !== 'function' || !Array.isArray(l.layers)) {
      throw argumentError('type', 'serial', `layers[${i}]`, 'a layer (dense, activation, serial, mlp)', l);
    }
    flat.push(...l.layers);
  });
  return {
    kind: 'serial',
    name: `serial(${flat.map((l) => l.name).join(', ')})`,
    layers: flat,
    apply(state: KernelState, inPlace = false): KernelState {
      let s = state;
      flat.forEach((l, i) => {
        s = l.apply(s, inPlace || i > 0);
      });
      return s;
    },
  };
}
