/** Runs async jobs one after the other, in the order queued, from synchronous callbacks. */
export interface SerialQueue {
  /** Queues a job; it starts when the previous ones are done (not after one failed). */
  push(job: () => Promise<void>): void;
  /** Waits for every queued job; throws the first job's error, if any. */
  drain(): Promise<void>;
}

/**
 * A {@link SerialQueue}: e.g. the files `ntk check` writes from `runClaims`'s synchronous `onResult`
 * callback, in order, with the first error kept for {@link SerialQueue.drain} (and no unhandled rejection
 * in between).
 *
 * @returns The queue.
 * @example
 * ```ts
 * const writes = createSerialQueue();
 * writes.push(() => writeFileAtomic(path, text));
 * await writes.drain();
 * ```
 */
export function createSerialQueue(): SerialQueue {
  let chain: Promise<void> = Promise.resolve();
  return {
    push(job) {
      chain = chain.then(job);
      chain.catch(() => {});
    },
    drain() {
      return chain;
    },
  };
}
