import { ArgumentRangeError, ArgumentTypeError, ShapeError } from '@ntk/core';
import { EXIT } from './exit-codes.ts';
import { UsageError } from './usage-error.ts';

/** How the CLI reports an error: the exit code and one line of text (without the `ntk <command>: ` prefix). */
export interface ClassifiedError {
  /** The exit code (see {@link EXIT}). */
  readonly code: number;
  /** One line saying what went wrong. */
  readonly line: string;
}

/** Whether an error is the cancellation of an `AbortSignal` (an `AbortError` `DOMException` or `Error`). */
export function isAbortError(error: unknown): boolean {
  return error !== null && typeof error === 'object' && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Maps an error thrown by a command to its exit code and message line: {@link UsageError} and the argument
 * errors of the `@ntk` packages (`ArgumentTypeError`, `ArgumentRangeError`, `ShapeError`: the user's input was
 * rejected) → 2; an `AbortError` (SIGINT) → 130; anything else → 1. Newlines in messages are folded into one line.
 *
 * @param error - What the command threw.
 * @returns Exit code and line.
 * @example
 * ```ts
 * classifyError(new UsageError('--seed must be an integer, got "x"')); // { code: 2, line: '--seed must …' }
 * ```
 */
export function classifyError(error: unknown): ClassifiedError {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  if (error instanceof UsageError) return { code: EXIT.usage, line: message };
  if (
    error instanceof ArgumentTypeError ||
    error instanceof ArgumentRangeError ||
    error instanceof ShapeError
  ) {
    return { code: EXIT.usage, line: message };
  }
  if (isAbortError(error)) return { code: EXIT.interrupted, line: 'interrupted' };
  const name = error instanceof Error ? error.name : 'Error';
  return { code: EXIT.failure, line: `failed: ${name}: ${message}` };
}

/** Folds whitespace runs that contain a newline into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
