// Timings of @ntk/activations (prints figures, asserts nothing): resolve cost, and evaluation speed of the
// generated `fn` against the built-in and against mathjs `compile().evaluate`. Run: pnpm bench.
import { all, create } from 'mathjs';
import { resolveActivation } from '../src/index.ts';

const N = 2_000_000;
const xs = new Float64Array(N);
for (let i = 0; i < N; i++) xs[i] = -6 + (12 * i) / N;

function time(label: string, f: (x: number) => number, n = N): void {
  let sink = 0;
  for (let i = 0; i < 100_000; i++) sink += f(xs[i] as number); // warm-up
  const t = performance.now();
  for (let i = 0; i < n; i++) sink += f(xs[i] as number);
  const ns = ((performance.now() - t) * 1e6) / n;
  console.log(
    `${label.padEnd(48)} ${ns.toFixed(2).padStart(8)} ns/call   (checksum ${sink.toExponential(3)})`,
  );
}

function timeResolve(text: string, derivative?: string): void {
  const t = performance.now();
  // Bypass the cache with a harmless textual variation per run.
  const runs = 20;
  for (let i = 0; i < runs; i++) resolveActivation(`${text}${' '.repeat(i + 1)}`, derivative);
  console.log(
    `resolveActivation(${JSON.stringify(text)})`.padEnd(48),
    `${((performance.now() - t) / runs).toFixed(2)} ms`,
  );
}

console.log(`node ${process.version}, ${N} evaluations per row`);
resolveActivation('tanh(x)'); // first call pays for the mathjs instance and typed-function set-up
timeResolve('tanh(x)');
timeResolve('x/(1+exp(-x))');
timeResolve('x*tanh(log(1+exp(x)))');
timeResolve('max(x, 0)', 'x > 0 ? 1 : 0');

const m = create(all);
for (const [text, builtin] of [
  ['tanh(x)', 'tanh'],
  ['x/(1+exp(-x))', 'swish'],
  ['x*tanh(log(1+exp(x)))', 'mish'],
] as const) {
  const e = resolveActivation(text);
  const b = resolveActivation(builtin);
  time(`builtin ${builtin} φ`, b.phi.fn);
  time(`expression ${text} φ (generated JS)`, e.phi.fn);
  time(`expression ${text} φ' (generated JS)`, e.dphi.fn);
  const compiled = m.compile(text);
  const scope = { x: 0 };
  time(
    `mathjs compile(${text}).evaluate`,
    (x) => {
      scope.x = x;
      return compiled.evaluate(scope) as number;
    },
    N / 10,
  );
}
