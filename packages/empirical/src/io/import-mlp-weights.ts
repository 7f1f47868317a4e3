import { type ActivationOps, argumentError, checkInteger, Matrix, ShapeError } from '@ntk/core';
import { layerConstants } from '../network/layer-constants.ts';
import type { Mlp, MlpLayer } from '../network/mlp.ts';
import { resolveActivationOps } from '../network/resolve-activation-ops.ts';
import { resolveFiniteSpec } from '../network/resolve-finite-spec.ts';
import { MLP_WEIGHTS_FORMAT, MLP_WEIGHTS_VERSION } from './weights-format.ts';

const FN = 'importMlpWeights';

function finiteArray(
  value: unknown,
  path: string,
  length: number,
  shapeText: string,
  cols?: number,
): Float64Array {
  if (!Array.isArray(value)) throw argumentError('type', FN, path, 'an array of numbers', value);
  if (value.length !== length) {
    throw new ShapeError(FN, path, `length ${length} (${shapeText})`, `length ${value.length}`);
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = value[i];
    const where =
      cols === undefined
        ? `${path}[${i}]`
        : `${path}[${i}] (row ${Math.floor(i / cols)}, column ${i % cols})`;
    if (typeof v !== 'number') throw argumentError('type', FN, where, 'a finite number', v);
    if (!Number.isFinite(v)) throw argumentError('range', FN, where, 'a finite number', v);
    out[i] = v;
  }
  return out;
}

/**
 * Reads a network from the JSON weights format ({@link MlpWeightsJson}), validating everything: the
 * format tag and version, the spec (finite widths), the input dimension, one layer per depth + 1, each
 * W's shape [n_l, n_{l−1}] and data length, b's length (or `null` for a layer without bias), and every
 * value finite.
 *
 * @param json - The weights object, or its JSON text.
 * @param options - Optional activation override (as {@link initMlp}).
 * @returns The network.
 * @throws {ArgumentTypeError} / {@link @ntk/core!ArgumentRangeError} For a bad field, naming its path, e.g.
 *   `` `layers[1].W.data[7] (row 1, column 3)` must be a finite number ``.
 *   {@link @ntk/core!ShapeError} For a W or b of the wrong shape.
 * @example
 * ```ts
 * const net = importMlpWeights(readFileSync('net.json', 'utf8'));
 * ```
 */
export function importMlpWeights(json: unknown, options: { readonly activation?: ActivationOps } = {}): Mlp {
  let doc = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (e) {
      throw argumentError(
        'range',
        FN,
        'json',
        `valid JSON text (${(e as Error).message})`,
        json.slice(0, 80),
      );
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw argumentError(
      'type',
      FN,
      'json',
      'a weights object { format, version, spec, inputDim, layers } or its JSON text',
      doc,
    );
  }
  const d = doc as Record<string, unknown>;
  if (d['format'] !== MLP_WEIGHTS_FORMAT) {
    throw argumentError('range', FN, 'json.format', `"${MLP_WEIGHTS_FORMAT}"`, d['format']);
  }
  if (d['version'] !== MLP_WEIGHTS_VERSION) {
    throw argumentError('range', FN, 'json.version', `${MLP_WEIGHTS_VERSION}`, d['version']);
  }
  const spec = resolveFiniteSpec(d['spec'], FN);
  const inputDim = checkInteger(FN, 'json.inputDim', d['inputDim'], 1, 2 ** 24);
  const activation = resolveActivationOps(FN, spec, options.activation);
  const rawLayers = d['layers'];
  if (!Array.isArray(rawLayers))
    throw argumentError('type', FN, 'json.layers', 'an array of layers', rawLayers);
  if (rawLayers.length !== spec.depth + 1) {
    throw argumentError(
      'range',
      FN,
      'json.layers',
      `an array of depth + 1 = ${spec.depth + 1} layers`,
      rawLayers,
    );
  }
  const consts = layerConstants(spec, inputDim);
  const layers: MlpLayer[] = consts.map((k, l) => {
    const path = `json.layers[${l}]`;
    const raw = rawLayers[l] as Record<string, unknown> | null;
    if (raw === null || typeof raw !== 'object')
      throw argumentError('type', FN, path, 'an object { W, b }', raw);
    const W = raw['W'] as Record<string, unknown> | null;
    if (W === null || typeof W !== 'object')
      throw argumentError('type', FN, `${path}.W`, 'an object { shape, data }', W);
    const shape = W['shape'];
    const expected = `[${k.fanOut}, ${k.fanIn}]`;
    if (!Array.isArray(shape) || shape.length !== 2 || shape[0] !== k.fanOut || shape[1] !== k.fanIn) {
      throw new ShapeError(
        FN,
        `${path}.W.shape`,
        expected,
        Array.isArray(shape) ? `[${shape.join(', ')}]` : String(shape),
        `layer ${l + 1} maps ${k.fanIn} inputs to ${k.fanOut} units`,
      );
    }
    const data = finiteArray(
      W['data'],
      `${path}.W.data`,
      k.fanOut * k.fanIn,
      `${k.fanOut}×${k.fanIn}`,
      k.fanIn,
    );
    const rawB = raw['b'];
    let b: Float64Array = new Float64Array(k.fanOut);
    if (rawB !== null && rawB !== undefined) {
      b = finiteArray(rawB, `${path}.b`, k.fanOut, `${k.fanOut} units`);
      if (!k.hasBias && b.some((v) => v !== 0)) {
        throw argumentError(
          'range',
          FN,
          `${path}.b`,
          `null or zeros (spec.sigmaB2[${l}] = 0: this layer has no bias)`,
          rawB,
        );
      }
    } else if (k.hasBias) {
      throw argumentError(
        'type',
        FN,
        `${path}.b`,
        `an array of ${k.fanOut} numbers (spec.sigmaB2[${l}] > 0)`,
        rawB,
      );
    }
    return { W: new Matrix(k.fanOut, k.fanIn, data), b };
  });
  return { spec, inputDim, layers, activation };
}
