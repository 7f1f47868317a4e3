import { Command } from 'commander';
import type { CliContext } from '../context.ts';

// PLACEHOLDER (skeleton): replaced by the `ntk kernel` implementation.
export function kernelCommand(_ctx: CliContext): Command {
  return new Command('kernel').description('(not yet built)');
}
