// Internal error for a rejected expression; the public functions turn it into an argument error.

/** Why an expression was rejected, in words ("unknown symbol `y` (allowed: x, pi, e)"). */
export class ExpressionRejection extends Error {
  /** @param reason - The reason, in words. */
  constructor(reason: string) {
    super(reason);
    this.name = 'ExpressionRejection';
  }
}
