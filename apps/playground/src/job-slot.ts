import type { BackendReport } from './jobs/backend.ts';
import type { FromWorker, JobKind, Progress, Result } from './protocol.ts';
import type { PlaygroundState } from './state.ts';

/** The part of a `Worker` a slot uses (a fake one in the tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Callbacks of one run. */
export interface JobHandlers {
  readonly onBackend?: (report: BackendReport) => void;
  readonly onProgress?: (progress: Progress) => void;
  readonly onResult: (result: Result) => void;
  readonly onError: (name: string, message: string) => void;
}

/**
 * One view's compute worker. `run` starts a job and cancels the one in flight by terminating its worker (a
 * synchronous computation cannot be interrupted otherwise); the next run spawns a fresh worker. Events of an
 * older run are dropped by id. A run whose key equals the last one started is not repeated.
 */
export class JobSlot {
  readonly kind: JobKind;
  readonly #spawn: () => WorkerLike;
  #worker: WorkerLike | null = null;
  #active: number | null = null;
  #nextId = 1;
  #lastKey: string | null = null;

  constructor(kind: JobKind, spawn: () => WorkerLike) {
    this.kind = kind;
    this.#spawn = spawn;
  }

  /** Whether a job is in flight. */
  get running(): boolean {
    return this.#active !== null;
  }

  /** Starts a job for `state` unless `key` is the key of the last job started; returns whether it started. */
  run(state: PlaygroundState, key: string, handlers: JobHandlers): boolean {
    if (key === this.#lastKey) return false;
    this.cancel();
    this.#lastKey = key;
    const id = this.#nextId++;
    this.#active = id;
    const worker = this.#worker ?? this.#spawn();
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent) => {
      const m = event.data as FromWorker;
      if (m.id !== this.#active) return;
      if (m.type === 'backend') handlers.onBackend?.(m.report);
      else if (m.type === 'progress') handlers.onProgress?.(m.progress);
      else if (m.type === 'result') {
        this.#active = null;
        handlers.onResult(m.result);
      } else {
        this.#active = null;
        this.#lastKey = null;
        handlers.onError(m.name, m.message);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      if (this.#active !== id) return;
      this.#active = null;
      this.#lastKey = null;
      this.#worker?.terminate();
      this.#worker = null;
      handlers.onError('WorkerError', event.message || 'the worker failed');
    };
    worker.postMessage({ type: 'run', id, kind: this.kind, state });
    return true;
  }

  /** Stops the job in flight, if any, by terminating its worker. */
  cancel(): void {
    if (this.#active === null) return;
    this.#active = null;
    this.#lastKey = null;
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** Forgets the last key, so that the next run starts even with the same key. */
  invalidate(): void {
    this.#lastKey = null;
  }
}
