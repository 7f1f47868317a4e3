import { anglesJob } from './jobs/angles.ts';
import { type BackendHandle, makeBackend } from './jobs/backend.ts';
import { kernelsJob } from './jobs/kernels.ts';
import { montecarloJob } from './jobs/montecarlo.ts';
import { phaseJob } from './jobs/phase.ts';
import { trainJob } from './jobs/train.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { BackendChoice } from './state.ts';

/** Backends made so far in this worker, one per choice (a gpu.js backend compiles its kernels once). */
const backends = new Map<BackendChoice, Promise<BackendHandle>>();

function backendFor(choice: BackendChoice): Promise<BackendHandle> {
  let b = backends.get(choice);
  if (b === undefined) {
    b = makeBackend(choice);
    backends.set(choice, b);
    b.catch(() => backends.delete(choice));
  }
  return b;
}

/**
 * Runs one job and posts its events: `backend` (for the jobs that use one), `progress`, then `result`, or
 * `error` with the error's name and message (bad activation text, numerical failure, cancellation).
 */
export async function handleRun(
  req: Extract<ToWorker, { type: 'run' }>,
  post: (m: FromWorker) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { id, kind, state } = req;
  try {
    if (kind === 'angles') {
      post({ type: 'result', id, result: { kind, result: anglesJob(state) } });
      return;
    }
    if (kind === 'phase') {
      const result = phaseJob(
        state,
        (row) => post({ type: 'progress', id, progress: { kind: 'phase-row', row } }),
        (point) => post({ type: 'progress', id, progress: { kind: 'phase-edge', point } }),
      );
      post({ type: 'result', id, result: { kind, result } });
      return;
    }
    const { backend, report } = await backendFor(state.backend);
    post({ type: 'backend', id, report });
    if (kind === 'kernels') {
      post({ type: 'result', id, result: { kind, result: await kernelsJob(state, backend) } });
    } else if (kind === 'train') {
      const points = await trainJob(
        state,
        backend,
        (setup) => post({ type: 'progress', id, progress: { kind: 'train-setup', setup } }),
        (point) => post({ type: 'progress', id, progress: { kind: 'train-point', point } }),
        signal,
      );
      post({ type: 'result', id, result: { kind, points } });
    } else {
      const cells = await montecarloJob(
        state,
        backend,
        (cell) => post({ type: 'progress', id, progress: { kind: 'mc-cell', cell } }),
        32,
        8,
        signal,
      );
      post({ type: 'result', id, result: { kind, cells } });
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', id, name: err.name, message: err.message });
  }
}
