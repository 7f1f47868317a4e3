// Turns a parsed mathjs node into the package's Expr, accepting only whitelisted shapes. Internal.
import type { MathNode } from 'mathjs';
import type { ArithmeticOp, ComparisonOp, Expr } from './ast.ts';
import { FUNCTION_NAMES, FUNCTIONS } from './functions.ts';
import { MAX_DEPTH } from './limits.ts';
import { ExpressionRejection } from './rejection.ts';

const ARITHMETIC = new Set<string>(['add', 'subtract', 'multiply', 'divide', 'pow']);
const COMPARISON = new Set<string>(['larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal']);

/** The node fields we read, typed loosely: everything is checked at run time. */
interface LooseNode {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly name?: unknown;
  readonly fn?: unknown;
  readonly op?: unknown;
  readonly args?: unknown;
  readonly content?: unknown;
  readonly condition?: unknown;
  readonly trueExpr?: unknown;
  readonly falseExpr?: unknown;
  toString(): string;
}

const DESCRIBE: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignments',
  FunctionAssignmentNode: 'function definitions',
  AccessorNode: 'property access',
  IndexNode: 'indexing',
  ArrayNode: 'arrays',
  ObjectNode: 'objects',
  BlockNode: 'several statements',
  RangeNode: 'ranges',
  RelationalNode: 'chained comparisons',
};

function snippet(node: LooseNode): string {
  let text: string;
  try {
    text = node.toString();
  } catch {
    text = String(node.type);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Converts and validates. Accepts: finite number constants, the symbol `x`, the constants `pi` and `e`,
 * + − * / ^ and unary ±, parentheses, comparisons < > <= >= == !=, `c ? a : b`, and calls of {@link FUNCTIONS}.
 *
 * @param maxDepth - Deepest nesting accepted ({@link MAX_DEPTH} for input; more for generated derivatives).
 * @throws {ExpressionRejection} Naming the first offending node.
 */
export function fromMathjs(root: MathNode, maxDepth: number = MAX_DEPTH): Expr {
  const walk = (value: unknown, depth: number): Expr => {
    if (depth > maxDepth) throw new ExpressionRejection(`nested more than ${maxDepth} levels deep`);
    if (typeof value !== 'object' || value === null) throw new ExpressionRejection('a malformed expression');
    const node = value as LooseNode;
    switch (node.type) {
      case 'ConstantNode': {
        if (typeof node.value !== 'number') {
          throw new ExpressionRejection(`no ${typeof node.value} constants (found \`${snippet(node)}\`)`);
        }
        if (!Number.isFinite(node.value)) {
          throw new ExpressionRejection(`finite number constants (found \`${snippet(node)}\`)`);
        }
        return { k: 'num', v: node.value };
      }
      case 'SymbolNode': {
        if (node.name === 'x') return { k: 'x' };
        if (node.name === 'pi' || node.name === 'e') return { k: 'const', name: node.name };
        throw new ExpressionRejection(`no symbols but x, pi and e (found \`${snippet(node)}\`)`);
      }
      case 'ParenthesisNode':
        return walk(node.content, depth + 1);
      case 'OperatorNode': {
        const op = node.fn;
        const args = Array.isArray(node.args) ? (node.args as unknown[]) : [];
        if ((op === 'unaryMinus' || op === 'unaryPlus') && args.length === 1) {
          const a = walk(args[0], depth + 1);
          return op === 'unaryMinus' ? { k: 'neg', a } : a;
        }
        if (typeof op === 'string' && (ARITHMETIC.has(op) || COMPARISON.has(op)) && args.length >= 2) {
          if (COMPARISON.has(op) && args.length !== 2) throw new ExpressionRejection('binary comparisons');
          // mathjs may build n-ary add/multiply: fold left.
          let acc = walk(args[0], depth + 1);
          for (let i = 1; i < args.length; i++) {
            const b = walk(args[i], depth + 1);
            acc = COMPARISON.has(op)
              ? { k: 'cmp', op: op as ComparisonOp, a: acc, b }
              : { k: 'op', op: op as ArithmeticOp, a: acc, b };
          }
          return acc;
        }
        throw new ExpressionRejection(
          `no operator \`${String(node.op)}\` (allowed: + - * / ^, unary -, < > <= >= == !=, ?:; found \`${snippet(node)}\`)`,
        );
      }
      case 'ConditionalNode':
        return {
          k: 'cond',
          c: walk(node.condition, depth + 1),
          t: walk(node.trueExpr, depth + 1),
          f: walk(node.falseExpr, depth + 1),
        };
      case 'FunctionNode': {
        const callee = node.fn as LooseNode | undefined;
        if (callee?.type !== 'SymbolNode' || typeof callee.name !== 'string') {
          throw new ExpressionRejection(`calls of named functions only (found \`${snippet(node)}\`)`);
        }
        const spec = FUNCTIONS.get(callee.name);
        if (!spec) {
          throw new ExpressionRejection(
            `no function \`${callee.name}\` (allowed: ${FUNCTION_NAMES.join(', ')}; found \`${snippet(node)}\`)`,
          );
        }
        const args = Array.isArray(node.args) ? (node.args as unknown[]) : [];
        if (args.length < spec.minArgs || args.length > spec.maxArgs) {
          const n = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
          throw new ExpressionRejection(
            `\`${callee.name}\` with ${n} argument(s) (found \`${snippet(node)}\`)`,
          );
        }
        return { k: 'call', name: callee.name, args: args.map((a) => walk(a, depth + 1)) };
      }
      default: {
        const what = DESCRIBE[String(node.type)] ?? `nodes of type ${String(node.type)}`;
        throw new ExpressionRejection(`${what} not allowed (found \`${snippet(node)}\`)`);
      }
    }
  };
  return walk(root, 0);
}
