/**
 * The part of an ONNX Runtime JavaScript binding (`onnxruntime-node`, `onnxruntime-web`; both implement
 * `onnxruntime-common`) that the engine uses, typed structurally so that this package depends on neither.
 */
export interface OrtModule {
  /** `InferenceSession` of the binding. */
  readonly InferenceSession: {
    create(model: Uint8Array, options?: OrtSessionOptions): Promise<OrtSession>;
  };
  /** `Tensor` of the binding. */
  readonly Tensor: new (
    type: 'float32' | 'float64',
    data: Float32Array | Float64Array,
    dims: readonly number[],
  ) => OrtTensor;
}

/** Session options the engine passes (a subset of `onnxruntime-common`'s `SessionOptions`). */
export interface OrtSessionOptions {
  /** Threads of one operator (native binding; the web binding uses `env.wasm.numThreads`). */
  readonly intraOpNumThreads?: number;
  /** Threads across operators. */
  readonly interOpNumThreads?: number;
  /** `sequential` or `parallel`. */
  readonly executionMode?: 'sequential' | 'parallel';
  /** Graph optimisation level. */
  readonly graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  /** Execution providers, e.g. `['cpu']` or `['wasm']`. */
  readonly executionProviders?: readonly string[];
  /** Session configuration entries (e.g. `{ session: { intra_op: { allow_spinning: '0' } } }`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** ONNX Runtime log level (0 verbose … 4 fatal). */
  readonly logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
}

/** A tensor of the binding: its data is a typed array in the tensor's element type. */
export interface OrtTensor {
  /** The elements, row-major. */
  readonly data: unknown;
  /** The shape. */
  readonly dims: readonly number[];
  /** Releases native memory where the binding holds any (optional in the bindings). */
  dispose?(): void;
}

/** An inference session of the binding. */
export interface OrtSession {
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}
