import type { DType } from '@ntk/core';

// A minimal writer for the few ONNX protobuf messages a one-node graph needs (onnx.proto, IR version 8,
// opset 17). Field numbers and wire types are those of onnx/onnx.proto; only what the engine emits is
// covered, and the tests load every model it writes into ONNX Runtime.

class ProtoWriter {
  private readonly bytes: number[] = [];

  private varint(v: number): void {
    let x = v;
    while (x > 0x7f) {
      this.bytes.push((x % 128) | 0x80);
      x = Math.floor(x / 128);
    }
    this.bytes.push(x);
  }

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  int(field: number, v: number): this {
    this.tag(field, 0);
    this.varint(v);
    return this;
  }

  float(field: number, v: number): this {
    this.tag(field, 5);
    const b = new Uint8Array(new Float32Array([v]).buffer);
    for (const x of b) this.bytes.push(x);
    return this;
  }

  string(field: number, s: string): this {
    return this.message(field, new TextEncoder().encode(s));
  }

  message(field: number, m: Uint8Array | ProtoWriter): this {
    const b = m instanceof ProtoWriter ? m.finish() : m;
    this.tag(field, 2);
    this.varint(b.length);
    for (const x of b) this.bytes.push(x);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** ONNX TensorProto.DataType codes. */
const ELEM_TYPE: Readonly<Record<DType, number>> = { float32: 1, float64: 11 };

/** A graph input or output: name and a rank-2 shape of symbolic (string) or fixed (number) dimensions. */
interface ValueInfo {
  readonly name: string;
  readonly dims: readonly (string | number)[];
}

/** One node: inputs, outputs, op type and integer/float attributes. */
interface NodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly ints?: Readonly<Record<string, number>>;
  readonly floats?: Readonly<Record<string, number>>;
}

function valueInfo(v: ValueInfo, dtype: DType): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.dims) {
    shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
  }
  const tensor = new ProtoWriter().int(1, ELEM_TYPE[dtype]).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensor));
}

function node(n: NodeSpec, index: number): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, `n${index}`).string(4, n.op);
  for (const [name, v] of Object.entries(n.ints ?? {})) {
    w.message(5, new ProtoWriter().string(1, name).int(3, v).int(20, 2));
  }
  for (const [name, v] of Object.entries(n.floats ?? {})) {
    w.message(5, new ProtoWriter().string(1, name).float(2, v).int(20, 1));
  }
  return w;
}

/**
 * Serialises a small ONNX model (IR 8, default-domain opset 17).
 *
 * @param dtype - Element type of every input and output.
 * @param inputs - Graph inputs.
 * @param outputs - Graph outputs.
 * @param nodes - Nodes in topological order.
 * @returns The model bytes for `InferenceSession.create`.
 */
export function onnxModel(
  dtype: DType,
  inputs: readonly ValueInfo[],
  outputs: readonly ValueInfo[],
  nodes: readonly NodeSpec[],
): Uint8Array {
  const graph = new ProtoWriter();
  nodes.forEach((n, i) => {
    graph.message(1, node(n, i));
  });
  graph.string(2, 'ntk');
  for (const v of inputs) graph.message(11, valueInfo(v, dtype));
  for (const v of outputs) graph.message(12, valueInfo(v, dtype));
  return new ProtoWriter()
    .int(1, 8)
    .string(2, '@ntk/ort-engine')
    .message(7, graph)
    .message(8, new ProtoWriter().string(1, '').int(2, 17))
    .finish();
}

/**
 * The product model C = op(A)·op(B) (one `Gemm` node, α = 1) with symbolic dimensions, so that one session
 * serves every shape; with `scaled`, a second input `alpha` (a 1-element tensor) multiplies the product, so
 * one session also serves every α.
 *
 * @param dtype - Precision.
 * @param transA - Use Aᵀ.
 * @param transB - Use Bᵀ.
 * @param scaled - Multiply by the run-time scalar input `alpha`.
 * @returns The model bytes.
 */
export function gemmModel(dtype: DType, transA: boolean, transB: boolean, scaled: boolean): Uint8Array {
  const a = { name: 'a', dims: transA ? ['k', 'm'] : ['m', 'k'] };
  const b = { name: 'b', dims: transB ? ['n', 'k'] : ['k', 'n'] };
  const gemm: NodeSpec = {
    op: 'Gemm',
    inputs: ['a', 'b'],
    outputs: [scaled ? 'p' : 'c'],
    ints: { transA: transA ? 1 : 0, transB: transB ? 1 : 0 },
  };
  const nodes: NodeSpec[] = scaled ? [gemm, { op: 'Mul', inputs: ['p', 'alpha'], outputs: ['c'] }] : [gemm];
  const inputs = scaled ? [a, b, { name: 'alpha', dims: [1] }] : [a, b];
  return onnxModel(dtype, inputs, [{ name: 'c', dims: ['m', 'n'] }], nodes);
}
