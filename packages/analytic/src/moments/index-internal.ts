// Internal barrel of the moments folder (not part of the public API surface by itself).
export { activationMoments, type MomentsMethod } from './activation-moments.ts';
export type { ActivationMoments } from './moments.ts';
