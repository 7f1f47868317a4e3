/**
 * Raised by `gpujsBackend` when the requested gpu.js mode cannot run here and falling back is not allowed
 * (`fallback: false`), or when not even the `cpu` mode runs. The message names the requested mode and the
 * reason each candidate failed.
 *
 * @example
 * ```ts
 * try {
 *   await gpujsBackend({ mode: 'webgpu', fallback: false });
 * } catch (e) {
 *   if (e instanceof ModeUnavailableError) console.log(e.reasons); // ['webgpu: no WebGPU adapter ...']
 * }
 * ```
 */
export class ModeUnavailableError extends Error {
  /** The mode that was asked for. */
  readonly requestedMode: string;
  /** One reason per candidate mode that was tried, in order. */
  readonly reasons: readonly string[];
  /**
   * @param requestedMode - The mode that was asked for.
   * @param fallback - Whether fallback was allowed.
   * @param reasons - Why each candidate failed.
   */
  constructor(requestedMode: string, fallback: boolean, reasons: readonly string[]) {
    const hint = fallback ? '' : ' (fallback: false was given; allow fallback to use webasm or cpu instead)';
    super(
      `gpujsBackend: the requested mode '${requestedMode}' cannot run here${hint}: ${reasons.join('; ')}.`,
    );
    this.name = 'ModeUnavailableError';
    this.requestedMode = requestedMode;
    this.reasons = reasons;
  }
}
