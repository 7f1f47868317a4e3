import { handleRun } from './handle-run.ts';
import { type FromWorker, parseToWorker } from './protocol.ts';

/** The part of the dedicated worker's global scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();

scope.onmessage = (event: MessageEvent<unknown>) => {
  let msg: ReturnType<typeof parseToWorker>;
  try {
    msg = parseToWorker(event.data);
  } catch (e) {
    const id = (event.data as { id?: unknown } | null)?.id;
    scope.postMessage({
      type: 'error',
      id: typeof id === 'number' ? id : -1,
      name: 'TypeError',
      message: (e as Error).message,
    } satisfies FromWorker);
    return;
  }
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  void handleRun(msg, (m) => scope.postMessage(m), controller.signal).finally(() => running.delete(msg.id));
};
