// Limits on untrusted expressions. Internal to the package.

/** Deepest accepted nesting of the parsed input (parentheses count as a level). */
export const MAX_DEPTH = 100;
/** Most nodes accepted in a parsed input expression. */
export const MAX_INPUT_NODES = 400;
/** Most nodes accepted in a symbolic derivative (it can grow quadratically with the input). */
export const MAX_DERIVATIVE_NODES = 20_000;
/** Longest generated JavaScript (each of `fn` code and `source`). */
export const MAX_CODE_LENGTH = 200_000;
/** Deepest nesting accepted in a symbolic derivative (the chain rule deepens the tree). */
export const MAX_DERIVATIVE_DEPTH = 1000;
