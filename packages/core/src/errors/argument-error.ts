import { formatValue } from './format-value.ts';

/** Which standard error class an argument error uses: `TypeError` for a wrong kind, `RangeError` for a bad value. */
export type ArgumentErrorKind = 'type' | 'range';

/** Details carried by every argument error, so programs can inspect what went wrong. */
export interface ArgumentErrorDetails {
  /** The public function (or `Class.method`) that rejected the argument. */
  readonly fn: string;
  /** The argument or field path, e.g. `spec.widths[2]`. */
  readonly argument: string;
  /** What was expected, in words. */
  readonly expected: string;
  /** The value that came. */
  readonly received: unknown;
}

/** A `TypeError` raised for an argument of the wrong kind; carries {@link ArgumentErrorDetails}. */
export class ArgumentTypeError extends TypeError implements ArgumentErrorDetails {
  readonly fn: string;
  readonly argument: string;
  readonly expected: string;
  readonly received: unknown;
  /** @param details - See {@link ArgumentErrorDetails}. */
  constructor(details: ArgumentErrorDetails) {
    super(argumentMessage(details));
    this.name = 'ArgumentTypeError';
    this.fn = details.fn;
    this.argument = details.argument;
    this.expected = details.expected;
    this.received = details.received;
  }
}

/** A `RangeError` raised for an argument with a value out of range; carries {@link ArgumentErrorDetails}. */
export class ArgumentRangeError extends RangeError implements ArgumentErrorDetails {
  readonly fn: string;
  readonly argument: string;
  readonly expected: string;
  readonly received: unknown;
  /** @param details - See {@link ArgumentErrorDetails}. */
  constructor(details: ArgumentErrorDetails) {
    super(argumentMessage(details));
    this.name = 'ArgumentRangeError';
    this.fn = details.fn;
    this.argument = details.argument;
    this.expected = details.expected;
    this.received = details.received;
  }
}

/**
 * The one message format for argument errors:
 * `` fn: invalid argument. `argument` must be expected. Value: `received`. ``
 *
 * @param details - Function, argument, expectation and received value.
 * @returns The message.
 * @example
 * ```ts
 * argumentMessage({ fn: 'sphere', argument: 'n', expected: 'a positive integer', received: 0 });
 * // "sphere: invalid argument. `n` must be a positive integer. Value: `0`."
 * ```
 */
export function argumentMessage(details: ArgumentErrorDetails): string {
  return `${details.fn}: invalid argument. \`${details.argument}\` must be ${details.expected}. Value: \`${formatValue(details.received)}\`.`;
}

/**
 * Builds an argument error in the project's one format.
 *
 * @param kind - `'type'` gives an {@link ArgumentTypeError}, `'range'` an {@link ArgumentRangeError}.
 * @param fn - Name of the public function that rejects the argument.
 * @param argument - Name or path of the argument.
 * @param expected - What was expected, in words ("a positive integer").
 * @param received - The value that came.
 * @returns The error, to be thrown by the caller.
 * @example
 * ```ts
 * throw argumentError('range', 'sphere', 'n', 'a positive integer', 0);
 * ```
 */
export function argumentError(
  kind: ArgumentErrorKind,
  fn: string,
  argument: string,
  expected: string,
  received: unknown,
): ArgumentTypeError | ArgumentRangeError {
  const details = { fn, argument, expected, received };
  return kind === 'type' ? new ArgumentTypeError(details) : new ArgumentRangeError(details);
}
