// One lazily created mathjs instance with what this package needs (parse, derivative, node classes).
import { create, derivativeDependencies, type MathJsInstance, parseDependencies } from 'mathjs';

let instance: MathJsInstance | undefined;

/** The shared mathjs instance (created on first use: built-ins never pay for it). */
export function mathjs(): MathJsInstance {
  instance ??= create({ parseDependencies, derivativeDependencies }) as MathJsInstance;
  return instance;
}
