// Smoke test run in an empty project with only the packed @ntk/ort-engine and @ntk/core installed: the
// engine is driven by a stand-in runtime module (the real bindings are the backend packages' business), which
// checks that the model bytes are a protobuf message and computes the product itself.
import { Matrix } from '@ntk/core';
import { gemmModel, type OrtModule, ortBackend } from '@ntk/ort-engine';

class Tensor {
  constructor(
    readonly type: string,
    readonly data: Float64Array,
    readonly dims: readonly number[],
  ) {}
}
const runtime: OrtModule = {
  Tensor: Tensor as unknown as OrtModule['Tensor'],
  InferenceSession: {
    async create(model) {
      if (model.length < 20 || model[0] !== 0x08) throw new Error('not an ONNX ModelProto');
      return {
        async run(feeds) {
          const a = feeds['a'] as unknown as Tensor;
          const b = feeds['b'] as unknown as Tensor;
          const [m, k] = a.dims as [number, number];
          const n = b.dims[0] as number; // gram: b is n×k (transB)
          const c = new Float64Array(m * n);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++)
              for (let p = 0; p < k; p++)
                c[i * n + j] += (a.data[i * k + p] as number) * (b.data[j * k + p] as number);
          return { c: new Tensor('float64', c, [m, n]) };
        },
        async release() {},
      };
    },
  },
};
const be = ortBackend(runtime, { name: 'stand-in', mode: 'test', dtype: 'float64', threads: 1 });
const g = await be.gram(
  Matrix.fromRows([
    [1, 2],
    [3, 4],
  ]),
);
if (
  g.get(0, 1) !== 11 ||
  g.get(1, 0) !== 11 ||
  g.get(1, 1) !== 25 ||
  gemmModel('float32', false, true, true).length < 50
) {
  throw new Error('ort-engine smoke test failed');
}
be.dispose();
console.log('ok @ntk/ort-engine');
