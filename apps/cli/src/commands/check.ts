import { Command } from 'commander';
import type { CliContext } from '../context.ts';

// PLACEHOLDER (skeleton): replaced by the `ntk check` implementation.
export function checkCommand(_ctx: CliContext): Command {
  return new Command('check').description('(not yet built)');
}
