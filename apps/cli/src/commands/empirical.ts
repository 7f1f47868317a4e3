import { Command } from 'commander';
import type { CliContext } from '../context.ts';

// PLACEHOLDER (skeleton): replaced by the `ntk empirical` implementation.
export function empiricalCommand(_ctx: CliContext): Command {
  return new Command('empirical').description('(not yet built)');
}
