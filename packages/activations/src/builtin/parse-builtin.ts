// Recognises the built-in call syntax `name`, `name(p1)`, `name(p1, p2)`. Internal to the package.
import { argumentError } from '@ntk/core';
import { BUILTIN_DEFINITIONS, type BuiltinDefinition } from './definitions.ts';

const CALL = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^()]*)\))?\s*$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Canonical built-in for a lower-case name or alias. */
export function builtinDefinition(name: string): BuiltinDefinition | undefined {
  const lower = name.toLowerCase();
  return BUILTIN_DEFINITIONS.get(lower === 'silu' ? 'swish' : lower);
}

/** A recognised built-in with its parameters filled in. */
export interface ParsedBuiltin {
  readonly definition: BuiltinDefinition;
  readonly params: Readonly<Record<string, number>>;
}

/**
 * Parses `text` as a built-in: a bare name, or a name applied to numeric literals. Returns `undefined` when the
 * text is not of that form (then it is treated as an expression: `tanh(x)` is an expression).
 *
 * @throws {ArgumentRangeError} For a built-in given the wrong number of parameters or a non-finite one.
 */
export function parseBuiltin(fn: string, argument: string, text: string): ParsedBuiltin | undefined {
  const match = CALL.exec(text);
  if (!match) return undefined;
  const definition = builtinDefinition(match[1] as string);
  if (!definition) return undefined;
  const argsText = match[2];
  const args =
    argsText === undefined || argsText.trim() === '' ? [] : argsText.split(',').map((s) => s.trim());
  if (argsText !== undefined && !args.every((a) => NUMBER.test(a))) return undefined;
  const expectedList = definition.params.map(([n, v]) => `${n} = ${v}`).join(', ');
  if (args.length > definition.params.length || (argsText !== undefined && args.length === 0)) {
    throw argumentError(
      'range',
      fn,
      argument,
      definition.params.length === 0
        ? `\`${definition.canonical}\` without parameters (it takes none)`
        : `\`${definition.canonical}\` with ${definition.params.length === 1 ? 'one numeric parameter' : `1 to ${definition.params.length} numeric parameters`}, or bare for the defaults (${expectedList})`,
      text,
    );
  }
  const params: Record<string, number> = {};
  definition.params.forEach(([name, fallback], i) => {
    const value = i < args.length ? Number(args[i]) : fallback;
    if (!Number.isFinite(value)) {
      throw argumentError('range', fn, `${argument} (parameter ${name})`, 'a finite number', args[i]);
    }
    params[name] = value;
  });
  return { definition, params: Object.freeze({ ...params, ...definition.fixed }) };
}

/** Canonical text of a built-in with parameters: `relu`, `leaky_relu(0.01)`, `abrelu(0.01, 1)`, `elu(1)`. */
export function canonicalBuiltinName(parsed: ParsedBuiltin): string {
  const { definition, params } = parsed;
  if (definition.params.length === 0) return definition.canonical;
  return `${definition.canonical}(${definition.params.map(([n]) => String(params[n])).join(', ')})`;
}
