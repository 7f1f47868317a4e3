/**
 * Raised by `selectBackend` when an explicitly named backend cannot be used here: its package is not
 * installed, it does not run in this environment, or it cannot compute in the requested precision. The
 * message names the backend, the reason and how to install it.
 *
 * @example
 * ```ts
 * try {
 *   await selectBackend('onnx');
 * } catch (e) {
 *   if (e instanceof BackendUnavailableError) console.log(e.backend, e.reason);
 * }
 * ```
 */
export class BackendUnavailableError extends Error {
  /** The backend that was asked for. */
  readonly backend: string;
  /** Why it cannot be used. */
  readonly reason: string;
  /**
   * @param backend - The backend that was asked for.
   * @param reason - Why it cannot be used.
   */
  constructor(backend: string, reason: string) {
    super(`selectBackend: the backend '${backend}' is not available: ${reason}.`);
    this.name = 'BackendUnavailableError';
    this.backend = backend;
    this.reason = reason;
  }
}
