import type { FloatArray } from '@ntk/core';

/**
 * The data as a `Float32Array` (no copy when it already is one).
 *
 * @param data - Source.
 * @returns Float32 data.
 * @internal
 */
export function toFloat32(data: FloatArray): Float32Array {
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

/**
 * Row-major transpose of a rows×cols array into float32 (the conversion and the transpose in one pass).
 *
 * @param data - Source, rows×cols.
 * @param rows - Rows of the source.
 * @param cols - Columns of the source.
 * @returns cols×rows float32 data.
 * @internal
 */
export function transposeToFloat32(data: FloatArray, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  const B = 32;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(i0 + B, rows);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(j0 + B, cols);
      for (let i = i0; i < i1; i++)
        for (let j = j0; j < j1; j++) out[j * rows + i] = data[i * cols + j] as number;
    }
  }
  return out;
}

/**
 * Flattens a gpu.js kernel result (a `Float32Array` for 1-D outputs, an array of row `Float32Array`s for 2-D)
 * into one row-major `Float32Array` of `length` entries, without copying when the rows already lie
 * contiguously in one buffer.
 *
 * @param out - Kernel result.
 * @param length - Expected number of entries.
 * @param fn - Function name for messages.
 * @returns Row-major float32 data.
 * @throws {Error} If the result does not have `length` entries (an internal error).
 * @internal
 */
export function flattenOutput(out: unknown, length: number, fn: string): Float32Array {
  if (out instanceof Float32Array) {
    if (out.length === length) return out;
  } else if (Array.isArray(out) && out.length > 0 && out[0] instanceof Float32Array) {
    const rows = out as Float32Array[];
    const first = rows[0] as Float32Array;
    const cols = first.length;
    if (rows.length * cols === length) {
      const last = rows[rows.length - 1] as Float32Array;
      if (
        last.buffer === first.buffer &&
        last.byteOffset === first.byteOffset + (rows.length - 1) * cols * 4 &&
        first.buffer.byteLength >= first.byteOffset + length * 4
      ) {
        let contiguous = true;
        for (let i = 1; i < rows.length - 1 && contiguous; i++) {
          const r = rows[i] as Float32Array;
          contiguous = r.buffer === first.buffer && r.byteOffset === first.byteOffset + i * cols * 4;
        }
        if (contiguous) return new Float32Array(first.buffer, first.byteOffset, length);
      }
      const flat = new Float32Array(length);
      for (let i = 0; i < rows.length; i++) flat.set(rows[i] as Float32Array, i * cols);
      return flat;
    }
  } else if (out !== null && typeof out === 'object' && 'length' in out) {
    const arr = out as ArrayLike<number>;
    if (arr.length === length) return Float32Array.from(arr);
  }
  throw new Error(`${fn}: internal error: gpu.js returned a result of unexpected shape.`);
}
