/**
 * The playground's whole state: every control, serialised to and from the URL query string so that a view
 * can be shared. Parsing never throws: a missing or invalid parameter takes its default and is reported.
 */

/**
 * Where the empirical computations run: `auto` (`selectBackend` of `@ntk/backend-auto`: gpu.js on a real GPU, else
 * the CPU reference), the float64 CPU reference, or a gpu.js mode.
 */
export type BackendChoice =
  | 'auto'
  | 'cpu'
  | 'gpujs-auto'
  | 'gpujs-webgpu'
  | 'gpujs-webgl2'
  | 'gpujs-webgl'
  | 'gpujs-webasm'
  | 'gpujs-cpu';

/** The data sets offered. */
export type DataChoice = 'sphere' | 'angles' | 'mnist';

/** Every control of the page. */
export interface PlaygroundState {
  /** A built-in activation name (e.g. `relu`, `leaky_relu(0.1)`) or a mathjs expression in x. */
  readonly activation: string;
  /** φ' as a mathjs expression, or '' to let mathjs find it. */
  readonly derivative: string;
  readonly sigmaW2: number;
  readonly sigmaB2: number;
  /** Hidden layers L. */
  readonly depth: number;
  /** Hidden width of the finite networks. */
  readonly width: number;
  readonly parameterization: 'ntk' | 'standard';
  readonly data: DataChoice;
  /** Number of inputs. */
  readonly n: number;
  /** Input dimension of the synthetic data (MNIST: always 784). */
  readonly d: number;
  /** MNIST digits used. */
  readonly digits: readonly number[];
  readonly seed: number;
  readonly backend: BackendChoice;
  /** Gradient-descent steps of the training view. */
  readonly steps: number;
  /** Learning rate as a fraction of η_max = 2N/λ_max of the infinite-width NTK. */
  readonly lr: number;
}

/** The state of a fresh page. */
export const DEFAULT_STATE: PlaygroundState = Object.freeze({
  activation: 'relu',
  derivative: '',
  sigmaW2: 2,
  sigmaB2: 0.1,
  depth: 3,
  width: 256,
  parameterization: 'ntk',
  data: 'sphere',
  n: 24,
  d: 8,
  digits: Object.freeze([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  seed: 0,
  backend: 'cpu',
  steps: 200,
  lr: 0.5,
}) as PlaygroundState;

export const BACKEND_CHOICES: readonly BackendChoice[] = [
  'auto',
  'cpu',
  'gpujs-auto',
  'gpujs-webgpu',
  'gpujs-webgl2',
  'gpujs-webgl',
  'gpujs-webasm',
  'gpujs-cpu',
];

export const DATA_CHOICES: readonly DataChoice[] = ['sphere', 'angles', 'mnist'];

/** Limits of the numeric controls (inclusive), also used by the form. */
export const LIMITS = {
  sigmaW2: { min: 0.01, max: 10 },
  sigmaB2: { min: 0, max: 5 },
  depth: { min: 1, max: 64 },
  width: { min: 4, max: 4096 },
  n: { min: 2, max: 96 },
  d: { min: 2, max: 256 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  steps: { min: 1, max: 5000 },
  lr: { min: 0.001, max: 0.99 },
} as const;

/** MNIST digits bundled per class (the subset module built from the `mnist` package). */
export const MNIST_PER_DIGIT = 24;

const KEYS: Record<keyof PlaygroundState, string> = {
  activation: 'act',
  derivative: 'dact',
  sigmaW2: 'sw2',
  sigmaB2: 'sb2',
  depth: 'L',
  width: 'w',
  parameterization: 'param',
  data: 'data',
  n: 'n',
  d: 'd',
  digits: 'digits',
  seed: 'seed',
  backend: 'backend',
  steps: 'steps',
  lr: 'lr',
};

/** The result of parsing a query string: the state and the parameters that were rejected (with why). */
export interface ParsedState {
  readonly state: PlaygroundState;
  readonly rejected: readonly string[];
}

/** Serialises a state to a query string (without `?`); parameters equal to the default are left out. */
export function serializeState(state: PlaygroundState): string {
  const p = new URLSearchParams();
  for (const k of Object.keys(KEYS) as (keyof PlaygroundState)[]) {
    const v = state[k];
    const dv = DEFAULT_STATE[k];
    const text = Array.isArray(v) ? v.join(',') : String(v);
    const dtext = Array.isArray(dv) ? dv.join(',') : String(dv);
    if (text !== dtext) p.set(KEYS[k], text);
  }
  return p.toString();
}

function numberParam(
  p: URLSearchParams,
  k: keyof typeof LIMITS,
  integer: boolean,
  rejected: string[],
): number | undefined {
  const raw = p.get(KEYS[k]);
  if (raw === null) return undefined;
  const v = Number(raw);
  const { min, max } = LIMITS[k];
  if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    rejected.push(`${KEYS[k]}=${raw}: expected ${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`);
    return undefined;
  }
  return v;
}

function choiceParam<T extends string>(
  p: URLSearchParams,
  k: keyof PlaygroundState,
  choices: readonly T[],
  rejected: string[],
): T | undefined {
  const raw = p.get(KEYS[k]);
  if (raw === null) return undefined;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  rejected.push(`${KEYS[k]}=${raw}: expected one of ${choices.join(', ')}`);
  return undefined;
}

function textParam(
  p: URLSearchParams,
  k: 'activation' | 'derivative',
  rejected: string[],
): string | undefined {
  const raw = p.get(KEYS[k]);
  if (raw === null) return undefined;
  if (raw.length > 500 || (k === 'activation' && raw.trim() === '')) {
    rejected.push(`${KEYS[k]}: expected a non-empty text of at most 500 characters`);
    return undefined;
  }
  return raw;
}

function digitsParam(p: URLSearchParams, rejected: string[]): number[] | undefined {
  const raw = p.get(KEYS.digits);
  if (raw === null) return undefined;
  const parts = raw.split(',');
  const ds = parts.map(Number);
  const ok =
    raw !== '' &&
    ds.every((d, i) => /^\d$/.test(parts[i] as string) && d >= 0 && d <= 9) &&
    new Set(ds).size === ds.length;
  if (!ok) {
    rejected.push(`digits=${raw}: expected distinct digits 0..9 separated by commas`);
    return undefined;
  }
  return ds;
}

/**
 * Parses a query string (with or without `?`) into a state. Unknown parameters are ignored; invalid ones take
 * their default and are listed in `rejected`. The result always satisfies {@link checkConsistency}.
 */
export function parseState(query: string): ParsedState {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const rejected: string[] = [];
  const pick = <T>(v: T | undefined, d: T): T => (v === undefined ? d : v);
  const D = DEFAULT_STATE;
  const state: PlaygroundState = {
    activation: pick(textParam(p, 'activation', rejected), D.activation),
    derivative: pick(textParam(p, 'derivative', rejected), D.derivative),
    sigmaW2: pick(numberParam(p, 'sigmaW2', false, rejected), D.sigmaW2),
    sigmaB2: pick(numberParam(p, 'sigmaB2', false, rejected), D.sigmaB2),
    depth: pick(numberParam(p, 'depth', true, rejected), D.depth),
    width: pick(numberParam(p, 'width', true, rejected), D.width),
    parameterization: pick(
      choiceParam(p, 'parameterization', ['ntk', 'standard'], rejected),
      D.parameterization,
    ),
    data: pick(choiceParam(p, 'data', DATA_CHOICES, rejected), D.data),
    n: pick(numberParam(p, 'n', true, rejected), D.n),
    d: pick(numberParam(p, 'd', true, rejected), D.d),
    digits: pick(digitsParam(p, rejected), D.digits),
    seed: pick(numberParam(p, 'seed', true, rejected), D.seed),
    backend: pick(choiceParam(p, 'backend', BACKEND_CHOICES, rejected), D.backend),
    steps: pick(numberParam(p, 'steps', true, rejected), D.steps),
    lr: pick(numberParam(p, 'lr', false, rejected), D.lr),
  };
  const problem = checkConsistency(state);
  if (problem !== null) {
    rejected.push(problem);
    return { state: { ...state, n: Math.min(state.n, state.digits.length * MNIST_PER_DIGIT) }, rejected };
  }
  return { state, rejected };
}

/** A constraint between controls that a state violates, or null. */
export function checkConsistency(state: PlaygroundState): string | null {
  if (state.data === 'mnist' && state.n > state.digits.length * MNIST_PER_DIGIT) {
    return `n=${state.n}: at most ${state.digits.length * MNIST_PER_DIGIT} MNIST digits are bundled for ${state.digits.length} classes`;
  }
  return null;
}

/** The input dimension the state's data has. */
export function inputDim(state: PlaygroundState): number {
  return state.data === 'mnist' ? 784 : state.d;
}
