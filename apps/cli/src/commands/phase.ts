import { Command } from 'commander';
import type { CliContext } from '../context.ts';

// PLACEHOLDER (skeleton): replaced by the `ntk phase` implementation.
export function phaseCommand(_ctx: CliContext): Command {
  return new Command('phase').description('(not yet built)');
}
