import { describe, expect, it } from 'vitest';
import { flattenOutput, transposeToFloat32 } from './float32-data.ts';
import { gpujsBackend } from './gpujs-backend.ts';
import { candidateModes } from './select-mode.ts';

describe('internals', () => {
  it('candidateModes(mode, fallback) tries the requested mode, then webasm, then cpu', () => {
    expect(candidateModes('webgpu', true)).toEqual(['webgpu', 'webasm', 'cpu']);
    expect(candidateModes('webgpu', false)).toEqual(['webgpu']);
    expect(candidateModes('webasm', true)).toEqual(['webasm', 'cpu']);
    expect(candidateModes('cpu', true)).toEqual(['cpu', 'webasm']);
    expect(candidateModes('gpu', false)).toEqual(['webgpu', 'webgl2', 'webgl', 'headlessgl']);
    expect(candidateModes('auto', false)).toEqual(['webgpu', 'webgl2', 'webgl', 'webasm', 'cpu']);
  });

  it('transposeToFloat32(data, rows, cols) transposes across 32-blocks', () => {
    const rows = 37;
    const cols = 70;
    const data = Float64Array.from({ length: rows * cols }, (_, i) => i);
    const t = transposeToFloat32(data, rows, cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(t[j * rows + i]).toBe(i * cols + j);
  });

  it('flattenOutput(out, length) flattens row arrays, keeps contiguous views, and rejects wrong shapes', () => {
    const buf = new Float32Array([1, 2, 3, 4, 5, 6]);
    const view = flattenOutput([buf.subarray(0, 3), buf.subarray(3, 6)], 6, 'f');
    expect(view.buffer).toBe(buf.buffer);
    const copied = flattenOutput([new Float32Array([1, 2]), new Float32Array([3, 4])], 4, 'f');
    expect(Array.from(copied)).toEqual([1, 2, 3, 4]);
    expect(Array.from(flattenOutput([1, 2], 2, 'f'))).toEqual([1, 2]);
    expect(() => flattenOutput(new Float32Array(3), 4, 'f')).toThrow(/f: internal error/);
    expect(() => flattenOutput(null, 4, 'f')).toThrow(/internal error/);
  });

  it('map(x, op) wraps a gpu.js compile failure in an error naming the op and its source', async () => {
    const be = await gpujsBackend({ mode: 'webasm' });
    const { Matrix } = await import('@ntk/core');
    const x = new Matrix(1, 2, new Float64Array([1, 2]));
    await expect(be.map(x, { name: 'broken', fn: (v) => v, source: 'x x' })).rejects.toThrow(
      /gpujs.map: op 'broken' \(source `x x`\) could not be compiled or run/,
    );
    be.dispose();
  });
});
