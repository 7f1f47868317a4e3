import 'katex/dist/katex.min.css';
import './style.css';
import { BUILTIN_ACTIVATIONS, resolveActivation } from '@ntk/activations';
import katex from 'katex';
import { JobSlot, type WorkerLike } from './job-slot.ts';
import type { BackendReport } from './jobs/backend.ts';
import type { McCell } from './jobs/montecarlo.ts';
import { type EdgePoint, type PhaseRow, phaseGrid } from './jobs/phase.ts';
import type { TrainPoint, TrainSetup } from './jobs/train.ts';
import type { JobKind } from './protocol.ts';
import { checkConsistency, type PlaygroundState, parseState, serializeState } from './state.ts';
import { drawHeatmap, formatNumber, heatmapRange } from './views/heatmap.ts';
import { anglesPlot, mcPlot, phasePlot, trainPlots } from './views/plots.ts';

const el = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`missing element #${id}`);
  return e as T;
};

const EXPRESSION_PRESETS = [
  'leaky_relu(0.1)',
  'x/(1+exp(-x))',
  'x*tanh(log(1+exp(x)))',
  'exp(-x^2/2)',
  'x + sin(x)',
  'abs(x)',
];

const spawn = (): WorkerLike =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
const slots: Record<JobKind, JobSlot> = {
  kernels: new JobSlot('kernels', spawn),
  angles: new JobSlot('angles', spawn),
  phase: new JobSlot('phase', spawn),
  train: new JobSlot('train', spawn),
  montecarlo: new JobSlot('montecarlo', spawn),
};
const VIEW_IDS: Record<JobKind, string> = {
  kernels: 'view-kernels',
  angles: 'view-angles',
  phase: 'view-phase',
  train: 'view-train',
  montecarlo: 'view-montecarlo',
};

const initial = parseState(location.search);
let state: PlaygroundState = initial.state;

// ---- form <-> state ---------------------------------------------------------------------------------------

const numberIds = ['sigmaW2', 'sigmaB2', 'depth', 'width', 'n', 'd', 'seed', 'steps', 'lr'] as const;

function fillPresets(): void {
  const select = el<HTMLSelectElement>('activation-preset');
  const groups: [string, readonly string[]][] = [
    ['built-in', BUILTIN_ACTIVATIONS],
    ['expressions', EXPRESSION_PRESETS],
  ];
  for (const [label, names] of groups) {
    const g = document.createElement('optgroup');
    g.label = label;
    for (const name of names) g.append(new Option(name, name));
    select.append(g);
  }
  select.append(new Option('custom expression…', ''));
}

function writeForm(s: PlaygroundState): void {
  el<HTMLInputElement>('activation').value = s.activation;
  el<HTMLInputElement>('derivative').value = s.derivative;
  const preset = el<HTMLSelectElement>('activation-preset');
  preset.value = [...BUILTIN_ACTIVATIONS, ...EXPRESSION_PRESETS].includes(s.activation) ? s.activation : '';
  for (const id of numberIds) el<HTMLInputElement>(id).value = String(s[id]);
  el<HTMLSelectElement>('parameterization').value = s.parameterization;
  el<HTMLSelectElement>('data').value = s.data;
  el<HTMLSelectElement>('backend').value = s.backend;
  el<HTMLInputElement>('digits').value = s.digits.join(',');
  updateOutputs();
}

function updateOutputs(): void {
  for (const id of ['sigmaW2', 'sigmaB2', 'depth'])
    el(`${id}-out`).textContent = el<HTMLInputElement>(id).value;
  const mnist = el<HTMLSelectElement>('data').value === 'mnist';
  el('d-label').hidden = mnist;
  el('digits-label').hidden = !mnist;
}

/** Reads the form into a state through the URL parser, so that the form obeys exactly the URL's rules. */
function readForm(): { state: PlaygroundState; problems: string[] } {
  const raw = {
    ...state,
    activation: el<HTMLInputElement>('activation').value,
    derivative: el<HTMLInputElement>('derivative').value,
    parameterization: el<HTMLSelectElement>('parameterization').value,
    data: el<HTMLSelectElement>('data').value,
    backend: el<HTMLSelectElement>('backend').value,
    digits: el<HTMLInputElement>('digits')
      .value.split(',')
      .map((t) => (t.trim() === '' ? Number.NaN : Number(t))),
    ...Object.fromEntries(numberIds.map((id) => [id, Number(el<HTMLInputElement>(id).value)])),
  } as unknown as PlaygroundState;
  const parsed = parseState(serializeState(raw));
  const problems = [...parsed.rejected];
  const consistency = checkConsistency(raw);
  if (consistency !== null && !problems.includes(consistency)) problems.push(consistency);
  return { state: parsed.state, problems };
}

// ---- activation check and TeX -----------------------------------------------------------------------------

/** Resolves the activation on the page (cheap, cached): an inline error instead of a failed job. */
function checkActivation(s: PlaygroundState): string | null {
  const box = el('activation-error');
  const tex = el('activation-tex');
  const input = el<HTMLInputElement>('activation');
  try {
    const act = resolveActivation(s.activation, s.derivative.trim() === '' ? undefined : s.derivative);
    box.hidden = true;
    box.textContent = '';
    input.removeAttribute('aria-invalid');
    tex.innerHTML =
      katex.renderToString(`\\varphi(x) = ${act.tex.phi}`, { throwOnError: false, displayMode: true }) +
      katex.renderToString(`\\varphi'(x) = ${act.tex.dphi}`, { throwOnError: false, displayMode: true });
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    box.textContent = message;
    box.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    tex.replaceChildren();
    return message;
  }
}

// ---- views ------------------------------------------------------------------------------------------------

function setStatus(kind: JobKind, status: 'running' | 'done' | 'error' | 'idle', text: string): void {
  const section = el(VIEW_IDS[kind]);
  section.dataset['status'] = status;
  const span = section.querySelector('.job-status');
  if (span) {
    span.textContent = text;
    span.className = `job-status ${status}`;
  }
}

function showBackend(report: BackendReport): void {
  const mode = el('backend-mode');
  const text =
    report.name === 'cpu'
      ? 'CPU · float64 (reference)'
      : `gpu.js ${report.mode} · ${report.dtype}${report.choice === 'gpujs-auto' || report.choice === 'auto' ? ' (auto)' : ''}`;
  mode.textContent = text;
  mode.dataset['mode'] = report.name === 'cpu' ? 'cpu-reference' : `gpujs-${report.mode}`;
  el('backend-note').textContent =
    report.choice === 'auto'
      ? [report.fallbackReason, ...(report.skipped ?? [])].filter(Boolean).join('; ')
      : (report.fallbackReason ?? '');
}

let phaseRows: (PhaseRow | undefined)[] = [];
let phaseEdge: EdgePoint[] = [];
let trainSetup: TrainSetup | null = null;
let trainPoints: TrainPoint[] = [];
const mcCells = new Map<string, McCell>();
const pending = new Set<() => void>();

/** Redraws at most once a frame while progress streams in. */
function redrawSoon(draw: () => void): void {
  if (pending.size === 0) {
    requestAnimationFrame(() => {
      const fns = [...pending];
      pending.clear();
      for (const f of fns) f();
    });
  }
  pending.add(draw);
}

function drawPhase(): void {
  el('phase-plot').replaceChildren(
    phasePlot(phaseGrid(state), phaseRows, phaseEdge, { sigmaW2: state.sigmaW2, sigmaB2: state.sigmaB2 }),
  );
}
const drawTrain = (): void => el('train-plots').replaceChildren(...trainPlots(trainSetup, trainPoints));
const drawMc = (): void => el('mc-plot').replaceChildren(mcPlot([...mcCells.values()]));

function keyOf(s: PlaygroundState, omit: readonly (keyof PlaygroundState)[]): string {
  return JSON.stringify(Object.entries(s).filter(([k]) => !omit.includes(k as keyof PlaygroundState)));
}

function runJobs(s: PlaygroundState): void {
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const fail = (kind: JobKind) => (name: string, message: string) =>
    setStatus(kind, 'error', `${name === 'NumericalError' ? 'numerical failure' : name}: ${message}`);

  if (
    slots.kernels.run(s, keyOf(s, ['steps', 'lr']), {
      onBackend: showBackend,
      onResult: (r) => {
        if (r.kind !== 'kernels') return;
        const k = r.result;
        drawHeatmap(el('heatmap-nngp'), el('legend-nngp'), k.nngp, k.n, { map: 'viridis' });
        const [a0, a1] = heatmapRange(k.ntk, { map: 'viridis' });
        const [b0, b1] = heatmapRange(k.empirical, { map: 'viridis' });
        const range = [Math.min(a0, b0), Math.max(a1, b1)] as const;
        drawHeatmap(el('heatmap-ntk'), el('legend-ntk'), k.ntk, k.n, { map: 'viridis', range });
        drawHeatmap(el('heatmap-empirical'), el('legend-empirical'), k.empirical, k.n, {
          map: 'viridis',
          range,
        });
        const diff = k.empirical.map((v, i) => v - (k.ntk[i] as number));
        drawHeatmap(el('heatmap-diff'), el('legend-diff'), diff, k.n, { map: 'diverging' });
        el('kernels-note').textContent =
          `${k.n} inputs (${k.labels.slice(0, 6).join(', ')}${k.n > 6 ? ', …' : ''}); one network of width ${s.width} ` +
          `from seed ${s.seed}: max |Θ̂ − Θ| / max |Θ| = ${formatNumber(k.relativeError)}.`;
        setStatus('kernels', 'done', `done in ${elapsed()}`);
      },
      onError: fail('kernels'),
    })
  ) {
    setStatus('kernels', 'running', 'computing…');
  }

  if (
    slots.angles.run(s, keyOf(s, ['steps', 'lr', 'seed', 'backend', 'n', 'digits']), {
      onResult: (r) => {
        if (r.kind !== 'angles') return;
        el('angles-plots').replaceChildren(...anglesPlot(r.result, s.depth));
        setStatus('angles', 'done', `done in ${elapsed()}`);
      },
      onError: fail('angles'),
    })
  ) {
    setStatus('angles', 'running', 'computing…');
  }

  const grid = phaseGrid(s);
  if (
    slots.phase.run(s, JSON.stringify([s.activation, s.derivative, grid]), {
      onProgress: (p) => {
        if (p.kind === 'phase-row') {
          phaseRows[p.row.row] = p.row;
          setStatus('phase', 'running', `χ₁: row ${p.row.row + 1} of ${grid.sigmaB2.length}…`);
        } else if (p.kind === 'phase-edge') {
          phaseEdge.push(p.point);
          setStatus('phase', 'running', `edge of chaos at σ_b² = ${formatNumber(p.point.sigmaB2)}…`);
        }
        redrawSoon(drawPhase);
      },
      onResult: (r) => {
        if (r.kind !== 'phase') return;
        phaseEdge = [...r.result.edge];
        phaseRows = r.result.chi1.map((chi1, row) => ({ row, chi1 }));
        drawPhase();
        const found = r.result.edge.filter((e) => e.sigmaW2 !== null).length;
        el('phase-note').textContent =
          `Colour: log₂ χ₁ on a ${grid.sigmaW2.length}×${grid.sigmaB2.length} grid (χ₁ = σ_w² E[φ'(√q* z)²]); grey: no ` +
          'finite fixed point q* (the variance grows without bound); black: the edge of chaos χ₁ = 1 ' +
          (found === 0
            ? '— none inside the grid (the variance diverges before χ₁ reaches 1)'
            : `at ${found} of ${r.result.edge.length} σ_b² values`) +
          '; gold: the current (σ_w², σ_b²).';
        setStatus('phase', 'done', `done in ${elapsed()}`);
      },
      onError: fail('phase'),
    })
  ) {
    phaseRows = [];
    phaseEdge = [];
    el('phase-note').textContent = '';
    setStatus('phase', 'running', 'computing…');
  }
  redrawSoon(drawPhase); // the current point moves even when the grid is unchanged

  if (
    slots.train.run(s, keyOf(s, []), {
      onBackend: showBackend,
      onProgress: (p) => {
        if (p.kind === 'train-setup') {
          trainSetup = p.setup;
          el('train-note').textContent =
            `${p.setup.nTrain} training and ${p.setup.nTest} test inputs; full-batch gradient descent with ` +
            `η = ${formatNumber(p.setup.learningRate)} (η_max = 2N/λ_max = ${formatNumber(p.setup.maxLearningRate)}); ` +
            'dashed: the infinite-width network from the same initial outputs.';
        } else if (p.kind === 'train-point') {
          trainPoints.push(p.point);
          setStatus('train', 'running', `step ${p.point.step} of ${s.steps}…`);
          redrawSoon(drawTrain);
        }
      },
      onResult: () => {
        drawTrain();
        setStatus('train', 'done', `done in ${elapsed()}`);
      },
      onError: fail('train'),
    })
  ) {
    trainSetup = null;
    trainPoints = [];
    el('train-note').textContent = '';
    setStatus('train', 'running', 'starting…');
  }

  if (
    slots.montecarlo.run(s, keyOf(s, ['steps', 'lr']), {
      onBackend: showBackend,
      onProgress: (p) => {
        if (p.kind !== 'mc-cell') return;
        mcCells.set(`${p.cell.depth}/${p.cell.width}`, p.cell);
        setStatus(
          'montecarlo',
          'running',
          `L = ${p.cell.depth}, width ${p.cell.width}: ${p.cell.deviations.length} samples…`,
        );
        redrawSoon(drawMc);
      },
      onResult: () => {
        drawMc();
        el('mc-note').textContent =
          'Θ̂₁₂ between the first two inputs over 32 random initialisations per (depth, width), centred on the ' +
          'infinite-width value; bars: mean ± 2 sd (the spread shrinks like 1/√width and grows with depth).';
        setStatus('montecarlo', 'done', `done in ${elapsed()}`);
      },
      onError: fail('montecarlo'),
    })
  ) {
    mcCells.clear();
    el('mc-note').textContent = '';
    setStatus('montecarlo', 'running', 'sampling…');
  }
}

// ---- wiring -----------------------------------------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | undefined;

function apply(next: PlaygroundState, problems: readonly string[], block = true): void {
  state = next;
  const query = serializeState(state);
  history.replaceState(null, '', `${location.pathname}${query === '' ? '' : `?${query}`}`);
  const formError = el('form-error');
  formError.textContent = problems.join('; ');
  formError.hidden = problems.length === 0;
  const activationError = checkActivation(state);
  if (activationError !== null || (block && problems.length > 0)) {
    for (const slot of Object.values(slots)) slot.cancel();
    for (const kind of Object.keys(slots) as JobKind[]) {
      if (el(VIEW_IDS[kind]).dataset['status'] === 'running') setStatus(kind, 'idle', 'cancelled');
    }
    return;
  }
  runJobs(state);
}

function onInput(event: Event): void {
  const target = event.target as HTMLElement;
  if (target.id === 'activation-preset') {
    const v = (target as HTMLSelectElement).value;
    if (v !== '') {
      el<HTMLInputElement>('activation').value = v;
      el<HTMLInputElement>('derivative').value = '';
    }
  }
  if (target.id === 'activation') {
    const v = (target as HTMLInputElement).value;
    el<HTMLSelectElement>('activation-preset').value = [
      ...BUILTIN_ACTIVATIONS,
      ...EXPRESSION_PRESETS,
    ].includes(v)
      ? v
      : '';
  }
  updateOutputs();
  clearTimeout(timer);
  timer = setTimeout(() => {
    const { state: next, problems } = readForm();
    apply(next, problems);
  }, 150);
}

function registerServiceWorker(): void {
  const status = el('offline-status');
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('./sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      status.textContent = 'works offline';
      status.dataset['ready'] = 'true';
    })
    .catch((e: unknown) => {
      status.textContent = `offline cache unavailable: ${e instanceof Error ? e.message : String(e)}`;
    });
}

fillPresets();
writeForm(state);
el('controls').addEventListener('input', onInput);
el('share').addEventListener('click', () => {
  navigator.clipboard?.writeText(location.href).then(
    () => (el('share').textContent = 'link copied'),
    () => (el('share').textContent = location.href),
  );
});
window.addEventListener('popstate', () => {
  const parsed = parseState(location.search);
  writeForm(parsed.state);
  apply(parsed.state, parsed.rejected, false);
});
apply(state, initial.rejected, false);
registerServiceWorker();
