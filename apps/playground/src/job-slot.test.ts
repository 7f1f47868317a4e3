import { describe, expect, it } from 'vitest';
import { handleRun } from './handle-run.ts';
import { JobSlot, type WorkerLike } from './job-slot.ts';
import { parseToWorker, type Result } from './protocol.ts';
import { DEFAULT_STATE } from './state.ts';

/** A worker that runs the real worker code (`parseToWorker` + `handleRun`) in-process, asynchronously. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: unknown[] = [];
  postMessage(message: unknown): void {
    this.received.push(message);
    const msg = parseToWorker(structuredClone(message));
    if (msg.type !== 'run') return;
    setTimeout(() => {
      void handleRun(msg, (m) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(m) } as MessageEvent);
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const state = { ...DEFAULT_STATE, n: 6, d: 4, depth: 2, width: 32 };

function runOnce(
  slot: JobSlot,
  key: string,
  s = state,
): Promise<{ result: Result | null; error: string | null }> {
  return new Promise((resolve) => {
    const started = slot.run(s, key, {
      onResult: (result) => resolve({ result, error: null }),
      onError: (name, message) => resolve({ result: null, error: `${name}: ${message}` }),
    });
    if (!started) resolve({ result: null, error: null });
  });
}

describe('JobSlot', () => {
  it('JobSlot.run posts a run message and delivers the worker result', async () => {
    const workers: FakeWorker[] = [];
    const slot = new JobSlot('angles', () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const { result } = await runOnce(slot, 'a');
    expect(result?.kind).toBe('angles');
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toEqual([{ type: 'run', id: 1, kind: 'angles', state }]);
    expect(slot.running).toBe(false);
  });

  it('JobSlot.run with the same key does not run again; invalidate() allows it', async () => {
    const slot = new JobSlot('angles', () => new FakeWorker());
    await runOnce(slot, 'k');
    expect(slot.run(state, 'k', { onResult: () => undefined, onError: () => undefined })).toBe(false);
    slot.invalidate();
    expect((await runOnce(slot, 'k')).result?.kind).toBe('angles');
  });

  it('JobSlot.run cancels the job in flight by terminating its worker and drops its events', async () => {
    const workers: FakeWorker[] = [];
    const slot = new JobSlot('kernels', () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const first: Result[] = [];
    slot.run(state, 'one', { onResult: (r) => first.push(r), onError: () => undefined });
    expect(slot.running).toBe(true);
    const second = await runOnce(slot, 'two', { ...state, depth: 3 });
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.terminated).toBe(false);
    expect(first).toEqual([]);
    expect(second.result?.kind).toBe('kernels');
    await new Promise((r) => setTimeout(r, 50));
    expect(first).toEqual([]);
  });

  it('JobSlot reports a worker error and forgets the key so that the same job can be retried', async () => {
    const slot = new JobSlot('phase', () => new FakeWorker());
    const bad = { ...state, activation: 'x*tanh(x' };
    const { error } = await runOnce(slot, 'bad', bad);
    expect(error).toMatch(/^ArgumentRangeError: .*activation/);
    expect(slot.running).toBe(false);
    expect(slot.run(bad, 'bad', { onResult: () => undefined, onError: () => undefined })).toBe(true);
    slot.cancel();
    expect(slot.running).toBe(false);
  });
});
