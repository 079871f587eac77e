import { Environment } from '@marcbachmann/cel-js';
import type { CelFacts } from './rule-context';

/**
 * Rule conditions and line filters are CEL expressions (Common Expression Language, evaluated by
 * `@marcbachmann/cel-js`), type-checked against the declared context when a campaign is
 * published: an unknown field (`cart.totl`), an unknown variable, an operator on the wrong types
 * (`cart.amount > "x"`) or a result that is not a boolean is an error then, never at the till.
 *
 * Sandbox: CEL has no loops, no I/O and no host access, and no function is registered beyond
 * CEL's standard ones, so an expression can only read the facts it is given. On top of that:
 * - an expression has at most {@link MAX_EXPRESSION_LENGTH} characters and
 *   {@link MAX_AST_NODES} syntax nodes, nesting at most {@link MAX_NESTING} deep;
 * - `matches()` is refused (user regular expressions run on a backtracking engine: a catastrophic
 *   pattern could stall a till); use `startsWith`, `endsWith`, `contains`;
 * - comprehensions (`all`, `exists`, `exists_one`, `map`, `filter`) nest at most two deep, a line
 *   filter's own per-line loop counting as one, so with at most 500 lines an expression costs
 *   at most ~250,000 element steps;
 * - an error while evaluating (a custom attribute the member has not set, a division by zero, an
 *   int overflow) makes the expression false and is reported as a diagnostic; CEL's `&&`/`||`
 *   absorb an error when the other side decides (`has(member.attributes.vip) && member.attributes.vip`).
 *
 * Types: integers are CEL `int` (compare with `5`, not `5.0` for equality; `<`/`>` accept both),
 * custom attributes are `string` (string, date `YYYY-MM-DD`, enum), `double` (number: compare
 * with `>=`/`<=` or `== 3.0`) or `bool`.
 */

export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_AST_NODES = 400;
export const MAX_NESTING = 32;
export const MAX_COMPREHENSION_NESTING = 2;

/** An RFC 9457 field error: a JSON pointer into the campaign definition and a readable detail. */
export interface FieldError {
  readonly pointer: string;
  readonly detail: string;
}

export type AttributeType = 'string' | 'number' | 'boolean' | 'date' | 'enum';
/** A club's declared custom attribute (as the members service defines them). */
export interface AttributeDeclaration {
  readonly key: string;
  readonly type: AttributeType;
}

/** Where an expression is used: a rule's condition, or a per-line filter (which also sees `line`). */
export type ExpressionKind = 'condition' | 'line-filter';

/**
 * The compiled environments of one club (its custom attributes are part of the declared types).
 * Cheap to create (~0.1 ms); the service keeps one per tenant and attribute set.
 */
export interface RuleEnvironment {
  readonly conditions: Environment;
  readonly lineFilters: Environment;
  readonly attributes: readonly AttributeDeclaration[];
}

/** An evaluation that failed at run time (the expression counts as false). */
export interface EvaluationFailure {
  readonly error: string;
}

/** A type-checked expression, evaluated many times without re-parsing. */
export interface CompiledExpression {
  readonly kind: ExpressionKind;
  readonly source: string;
  /** True or false; a failure instead of throwing. Conditions take the context's `facts`; line filters `facts` plus `line`. */
  readonly evaluate: (activation: CelFacts) => boolean | EvaluationFailure;
}

export type CompileExpressionResult =
  | { readonly ok: true; readonly expression: CompiledExpression }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const FIELDS = {
  Line: { sku: 'string', category: 'string', quantity: 'int', unitPrice: 'int', amount: 'int' },
  Cart: { amount: 'int', currency: 'string', itemCount: 'int', lines: 'list<Line>' },
  Member: {
    id: 'string',
    tier: 'string',
    tenureDays: 'int',
    segments: 'list<string>',
    personas: 'list<string>',
    journeyStage: 'string',
    attributes: 'Attributes',
  },
  Store: { id: 'string', tags: 'list<string>' },
  CalendarDate: { year: 'int', month: 'int', day: 'int' },
  Time: {
    hour: 'int',
    minute: 'int',
    weekday: 'int',
    weekdayName: 'string',
    date: 'string',
    gregorian: 'CalendarDate',
    jalali: 'CalendarDate',
    isNowruz: 'bool',
    isYalda: 'bool',
    isBirthday: 'bool',
  },
  Event: { type: 'string', name: 'string', properties: 'map<string, dyn>' },
} as const;

const VARIABLES = { cart: 'Cart', member: 'Member', store: 'Store', channel: 'string', time: 'Time', event: 'Event' } as const;

const CEL_ATTRIBUTE_TYPE: Record<AttributeType, string> = { string: 'string', number: 'double', boolean: 'bool', date: 'string', enum: 'string' };

const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The environments for a club with these custom attributes. Keys that are not identifiers are
 * left out (rules cannot name them). Throws a RangeError on a duplicate key.
 */
export function createRuleEnvironment(attributes: readonly AttributeDeclaration[] = []): RuleEnvironment {
  const attributeFields: Record<string, string> = {};
  for (const a of attributes) {
    if (!ATTRIBUTE_KEY.test(a.key)) continue;
    if (a.key in attributeFields) throw new RangeError(`attribute "${a.key}" is declared twice`);
    attributeFields[a.key] = CEL_ATTRIBUTE_TYPE[a.type];
  }
  const base = new Environment({
    unlistedVariablesAreDyn: false,
    limits: { maxAstNodes: MAX_AST_NODES, maxDepth: MAX_NESTING, maxListElements: 200, maxMapEntries: 200, maxCallArguments: 8 },
  }).registerType('Attributes', { fields: attributeFields });
  for (const [name, fields] of Object.entries(FIELDS)) base.registerType(name, { fields: { ...fields } });
  for (const [name, type] of Object.entries(VARIABLES)) base.registerVariable(name, type);
  const lineFilters = base.clone().registerVariable('line', 'Line');
  return { conditions: base, lineFilters, attributes };
}

/** Field lists for "unknown field" messages, by the path of the value they belong to. */
function fieldsAt(path: string, env: RuleEnvironment): readonly string[] | undefined {
  const byType: Record<string, readonly string[]> = Object.fromEntries(Object.entries(FIELDS).map(([t, f]) => [t, Object.keys(f)]));
  const typeOf: Record<string, string> = {
    cart: 'Cart',
    line: 'Line',
    member: 'Member',
    store: 'Store',
    time: 'Time',
    'time.gregorian': 'CalendarDate',
    'time.jalali': 'CalendarDate',
    event: 'Event',
  };
  if (path === 'member.attributes') return env.attributes.map((a) => a.key).filter((k) => ATTRIBUTE_KEY.test(k));
  const t = typeOf[path];
  return t ? byType[t] : undefined;
}

interface CelErrorLike {
  readonly code?: string;
  readonly summary?: string;
  readonly message?: string;
  readonly range?: { readonly start: number; readonly end: number };
}

/** A readable, single-line detail for a CEL parse or type error. */
function describeCelError(e: CelErrorLike, source: string, env: RuleEnvironment): string {
  const summary = e.summary ?? e.message?.split('\n')[0] ?? 'invalid expression';
  const range = e.range;
  const where = range ? ` (characters ${range.start}-${range.end})` : '';
  if (e.code === 'no_such_key' && range) {
    const name = source.slice(range.start, range.end);
    const owner = /([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\.\s*$/.exec(source.slice(0, range.start))?.[1];
    const known = owner ? fieldsAt(owner, env) : undefined;
    const list = known ? `; ${owner} has ${known.length ? known.join(', ') : 'no fields'}` : '';
    return `unknown field "${name}"${owner ? ` of ${owner}` : ''}${where}${list}`;
  }
  if (e.code === 'unknown_variable') {
    const hint = `; the variables are ${Object.keys(VARIABLES).join(', ')}`;
    return `${summary}${where}${hint}`;
  }
  if (e.code === 'no_such_overload' && /double (==|!=) int|int (==|!=) double/.test(summary)) {
    return `${summary}${where}; number attributes are doubles: compare with 3.0 or use <= and >=`;
  }
  return `${summary}${where}`;
}

interface AstLike {
  readonly op: string;
  readonly args: unknown;
}

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

function isAst(x: unknown): x is AstLike {
  return typeof x === 'object' && x !== null && 'op' in x && 'args' in x;
}

/** Sandbox checks on the syntax tree: no `matches`, bounded comprehension nesting. */
function sandboxProblems(ast: AstLike, maxComprehensions: number): string[] {
  const problems = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, depth);
      return;
    }
    if (!isAst(node)) return;
    if (node.op === 'call' || node.op === 'rcall') {
      const args = node.args as unknown[];
      const name = args[0] as string;
      if (name === 'matches') problems.add('regular expressions (matches) are not allowed in rules: use startsWith, endsWith or contains');
      if (node.op === 'rcall' && COMPREHENSIONS.has(name)) {
        walk(args[1], depth); // the receiver is evaluated once
        if (depth + 1 > maxComprehensions) {
          problems.add(
            `comprehensions (all, exists, exists_one, map, filter) nest at most ${MAX_COMPREHENSION_NESTING} deep` +
              (maxComprehensions < MAX_COMPREHENSION_NESTING ? ', a line filter’s own loop over the lines counting as one' : ''),
          );
        }
        walk(args[2], depth + 1);
        return;
      }
      walk(args.slice(1), depth);
      return;
    }
    walk(node.args, depth);
  };
  walk(ast, 0);
  return [...problems];
}

/**
 * Parses and type-checks `source` for `kind`; errors carry `pointer` (where the expression sits in
 * the campaign definition). On success the expression evaluates without re-parsing.
 */
export function compileExpression(env: RuleEnvironment, kind: ExpressionKind, source: string, pointer: string): CompileExpressionResult {
  const fail = (detail: string): CompileExpressionResult => ({ ok: false, errors: [{ pointer, detail }] });
  if (typeof source !== 'string' || source.trim() === '') return fail('an expression is required');
  if (source.length > MAX_EXPRESSION_LENGTH) return fail(`an expression has at most ${MAX_EXPRESSION_LENGTH} characters`);
  const celEnv = kind === 'condition' ? env.conditions : env.lineFilters;
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = celEnv.parse(source);
  } catch (e) {
    return fail(describeCelError(e as CelErrorLike, source, env));
  }
  const checked = parsed.check();
  if (!checked.valid) return fail(describeCelError(checked.error ?? {}, source, env));
  if (checked.type !== 'bool') {
    const what = kind === 'condition' ? 'a condition' : 'a line filter';
    return fail(`${what} must be a boolean expression, this one is ${checked.type ?? 'of unknown type'} (compare it, e.g. == true)`);
  }
  const problems = sandboxProblems(parsed.ast, kind === 'condition' ? MAX_COMPREHENSION_NESTING : MAX_COMPREHENSION_NESTING - 1);
  if (problems.length > 0) return { ok: false, errors: problems.map((detail) => ({ pointer, detail })) };
  const run = parsed as unknown as (activation: CelFacts) => unknown;
  const evaluate = (activation: CelFacts): boolean | EvaluationFailure => {
    try {
      const value = run(activation);
      return value === true ? true : value === false ? false : { error: `evaluated to ${typeof value}, not a boolean` };
    } catch (e) {
      const err = e as CelErrorLike;
      return { error: err.summary ?? err.message?.split('\n')[0] ?? String(e) };
    }
  };
  return { ok: true, expression: { kind, source, evaluate } };
}
