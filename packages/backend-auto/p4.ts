import { onnxBackend } from '@ntk/backend-onnx';
import { wasmBackend } from '@ntk/backend-wasm';
import { key, Matrix, normal } from '@ntk/core';
import { empiricalNtk, initMlp } from '@ntk/empirical';

const rel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let n = 0,
    d = 0,
    at = 0;
  for (let i = 0; i < b.length; i++) {
    const e = Math.abs(a[i]! - b[i]!);
    if (e > n) {
      n = e;
      at = i;
    }
    d = Math.max(d, Math.abs(b[i]!));
  }
  return [n / d, at];
};
const N = +process.argv[2]!;
const X = new Matrix(N, 64, normal(key(1), N * 64));
const net = initMlp({ activation: 'relu', depth: 10, widths: 1024, sigmaW2: 2, sigmaB2: 0.1 }, key(2), 64);
const ref = (await empiricalNtk(net, X, undefined, { backend: await onnxBackend({ dtype: 'float64' }) })).ntk
  .data;
for (const [name, mk] of [
  ['onnx32', () => onnxBackend({ dtype: 'float32' })],
  ['wasm64', () => wasmBackend({ dtype: 'float64' })],
  ['wasm32', () => wasmBackend({ dtype: 'float32' })],
] as const) {
  const be = await mk();
  const got = (await empiricalNtk(net, X, undefined, { backend: be })).ntk.data;
  const got2 = (await empiricalNtk(net, X, undefined, { backend: be })).ntk.data;
  console.log(name, rel(got, ref), rel(got2, ref), 'diag', got[0], ref[0]);
  be.dispose();
}
