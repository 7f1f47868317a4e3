/**
 * Messages between the page and its compute workers. The page sends `run` (and may send `cancel`, or simply
 * terminate the worker); the worker answers with `backend`, any number of `progress`, then one `result` or
 * one `error`, all carrying the run's id.
 */
import type { AnglesResult } from './jobs/angles.ts';
import type { BackendReport } from './jobs/backend.ts';
import type { KernelsResult } from './jobs/kernels.ts';
import type { McCell } from './jobs/montecarlo.ts';
import type { EdgePoint, PhaseResult, PhaseRow } from './jobs/phase.ts';
import type { TrainPoint, TrainSetup } from './jobs/train.ts';
import { type PlaygroundState, parseState, serializeState } from './state.ts';

/** The computations a worker runs, one per view. */
export type JobKind = 'kernels' | 'angles' | 'phase' | 'train' | 'montecarlo';

export const JOB_KINDS: readonly JobKind[] = ['kernels', 'angles', 'phase', 'train', 'montecarlo'];

/** Page → worker. */
export type ToWorker =
  | { readonly type: 'run'; readonly id: number; readonly kind: JobKind; readonly state: PlaygroundState }
  | { readonly type: 'cancel'; readonly id: number };

/** Partial results streamed while a job runs. */
export type Progress =
  | { readonly kind: 'phase-row'; readonly row: PhaseRow }
  | { readonly kind: 'phase-edge'; readonly point: EdgePoint }
  | { readonly kind: 'train-setup'; readonly setup: TrainSetup }
  | { readonly kind: 'train-point'; readonly point: TrainPoint }
  | { readonly kind: 'mc-cell'; readonly cell: McCell };

/** Final results. */
export type Result =
  | { readonly kind: 'kernels'; readonly result: KernelsResult }
  | { readonly kind: 'angles'; readonly result: AnglesResult }
  | { readonly kind: 'phase'; readonly result: PhaseResult }
  | { readonly kind: 'train'; readonly points: number }
  | { readonly kind: 'montecarlo'; readonly cells: readonly McCell[] };

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'backend'; readonly id: number; readonly report: BackendReport }
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { readonly type: 'result'; readonly id: number; readonly result: Result }
  | { readonly type: 'error'; readonly id: number; readonly name: string; readonly message: string };

/** Reads a page → worker message, or throws a `TypeError` saying what is wrong with it. */
export function parseToWorker(data: unknown): ToWorker {
  if (typeof data !== 'object' || data === null) throw new TypeError('message: expected an object');
  const m = data as Record<string, unknown>;
  if (typeof m['id'] !== 'number' || !Number.isSafeInteger(m['id'])) {
    throw new TypeError('message.id: expected an integer');
  }
  const id = m['id'];
  if (m['type'] === 'cancel') return { type: 'cancel', id };
  if (m['type'] !== 'run')
    throw new TypeError(`message.type: expected "run" or "cancel", got ${String(m['type'])}`);
  if (!(JOB_KINDS as readonly unknown[]).includes(m['kind'])) {
    throw new TypeError(`message.kind: expected one of ${JOB_KINDS.join(', ')}, got ${String(m['kind'])}`);
  }
  const s = m['state'];
  if (typeof s !== 'object' || s === null) throw new TypeError('message.state: expected an object');
  let query: string;
  try {
    query = serializeState(s as PlaygroundState);
  } catch {
    throw new TypeError('message.state: not a playground state');
  }
  const { state, rejected } = parseState(query);
  const missing = Object.keys(state).filter((k) => !(k in s));
  if (rejected.length > 0 || missing.length > 0) {
    throw new TypeError(`message.state: ${[...rejected, ...missing.map((k) => `${k} missing`)].join('; ')}`);
  }
  return { type: 'run', id, kind: m['kind'] as JobKind, state };
}
