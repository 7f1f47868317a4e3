// Builds the Activation value of a parsed built-in. Internal to the package.
import type { Activation } from '../activation.ts';
import { canonicalBuiltinName, type ParsedBuiltin } from './parse-builtin.ts';

/** The frozen {@link Activation} of a parsed built-in. */
export function builtinActivation(parsed: ParsedBuiltin): Activation {
  const parts = parsed.definition.build(parsed.params);
  const name = canonicalBuiltinName(parsed);
  const activation: Activation = {
    name,
    kind: 'builtin',
    builtin: parsed.definition.canonical,
    params: parsed.params,
    phi: Object.freeze({ name, fn: parts.phi, source: parts.phiSource }),
    dphi: Object.freeze({ name: `${name}'`, fn: parts.dphi, source: parts.dphiSource }),
    tex: Object.freeze({ ...parts.tex }),
    kinks: Object.freeze([...parts.kinks]),
    ...(parts.expression === undefined ? {} : { expression: parts.expression }),
    ...(parts.derivativeExpression === undefined ? {} : { derivativeExpression: parts.derivativeExpression }),
  };
  return Object.freeze(activation);
}
