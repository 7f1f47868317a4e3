import { Command } from 'commander';
import type { CliContext } from '../context.ts';

// PLACEHOLDER (skeleton): replaced by the `ntk train` implementation.
export function trainCommand(_ctx: CliContext): Command {
  return new Command('train').description('(not yet built)');
}
