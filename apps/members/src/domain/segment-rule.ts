/**
 * A small, safe rule language for rule-based segments and persona rules. A rule is JSON data —
 * never code: no eval, no regular expressions from users, no property access outside the
 * declared fields. Rules are type-checked against a field schema when they are saved
 * ({@link compileRule}), so a typo in a field name or a value of the wrong type is rejected
 * then, not discovered when members are evaluated.
 *
 *     { "all": [ { "field": "tier", "op": "in", "value": ["gold", "platinum"] },
 *                { "not": { "field": "journeyStage", "op": "eq", "value": "churned" } },
 *                { "any": [ { "field": "rfm.m", "op": "gte", "value": 4 },
 *                           { "field": "attributes.vip", "op": "eq", "value": true } ] } ] }
 *
 * Semantics:
 * - `all` is true when every condition is (empty: true); `any` when one is (empty: false);
 *   `not` inverts.
 * - A field path `a.b` reads the own property `b` of the own property `a` of the facts.
 * - A fact that is missing, null or not of the declared type satisfies no comparison — not
 *   `eq` and not `neq` either (as SQL treats NULL); `{ "not": { …eq… } }` is therefore true for
 *   a missing fact while `neq` is false. `exists` (value `true`, the default, or `false`) tests
 *   whether the fact is present with its declared type.
 * - Strings compare exactly (case and code points); the caller normalises text (digits,
 *   Arabic/Persian letters) when building facts. Dates are calendar dates `YYYY-MM-DD` in the
 *   tenant's calendar day, compared chronologically; express relative ages ("joined over a year
 *   ago") with numeric facts such as `tenureDays`.
 *
 * Operators by field type:
 *
 * | type       | ops and value                                                                  |
 * |------------|--------------------------------------------------------------------------------|
 * | string     | eq, neq, contains (substring): string · in: non-empty string[] · exists        |
 * | number     | eq, neq, gt, gte, lt, lte: finite number · in: non-empty number[] · exists     |
 * | boolean    | eq, neq: boolean · exists                                                      |
 * | date       | eq, neq, gt, gte, lt, lte: 'YYYY-MM-DD' · in: non-empty date[] · exists         |
 * | string[]   | contains (has the element): string · exists                                    |
 */

export const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'string[]'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const RULE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists'] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export interface Condition {
  readonly field: string;
  readonly op: RuleOp;
  readonly value?: unknown;
}
export type Rule = { readonly all: readonly Rule[] } | { readonly any: readonly Rule[] } | { readonly not: Rule } | Condition;

/** Field path → type, e.g. `{ tier: 'string', 'rfm.m': 'number', 'attributes.vip': 'boolean' }`. */
export type FieldSchema = Readonly<Record<string, FieldType>>;

export interface RuleLimits {
  /** Maximum nesting: a single condition has depth 1, `{ all: [cond] }` depth 2. */
  readonly maxDepth: number;
  /** Maximum number of nodes (groups, `not`s and conditions). */
  readonly maxNodes: number;
  /** Maximum items in an `in` list. */
  readonly maxListLength: number;
  /** Maximum length of a string value. */
  readonly maxStringLength: number;
}
export const DEFAULT_RULE_LIMITS: RuleLimits = { maxDepth: 8, maxNodes: 200, maxListLength: 500, maxStringLength: 500 };

/** The ops each field type allows. */
export const OPS_BY_TYPE: Readonly<Record<FieldType, readonly RuleOp[]>> = {
  string: ['eq', 'neq', 'contains', 'in', 'exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'],
  'string[]': ['contains', 'exists'],
};

export type CompiledRule = {
  readonly ok: true;
  /** Whether `facts` satisfy the rule. Never throws on plain data; never reads undeclared fields. */
  readonly evaluate: (facts: unknown) => boolean;
  /** The field paths the rule reads, sorted (e.g. to know which changes can affect membership). */
  readonly fields: readonly string[];
};
export type CompileResult = CompiledRule | { readonly ok: false; readonly errors: readonly string[] };

type Pred = (facts: unknown) => boolean;

const SEGMENT = /^[\p{L}\p{N}_-]{1,64}$/u;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (2024-02-29 yes, 2025-02-29 no). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= daysInMonth;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Whether `v` is a well-formed value of `type` (as a fact). */
function ofType(type: FieldType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return isIsoDate(v);
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
  }
}

/** Reads the own-property path `segments` from `facts`; undefined when any step is missing. */
function read(facts: unknown, segments: readonly string[]): unknown {
  let cur = facts;
  for (const s of segments) {
    if (!isPlainObject(cur) || !hasOwn(cur, s)) return undefined;
    cur = cur[s];
  }
  return cur;
}

/** Problems with a field schema (empty = valid). */
export function validateSchema(schema: FieldSchema): string[] {
  const errors: string[] = [];
  const paths = Object.keys(schema);
  for (const path of paths) {
    const segments = path.split('.');
    if (!segments.every((s) => SEGMENT.test(s) && !FORBIDDEN_SEGMENTS.has(s))) {
      errors.push(`schema: field path ${JSON.stringify(path)} must be dot-separated names of letters, digits, _ or -`);
    }
    if (!(FIELD_TYPES as readonly string[]).includes(schema[path])) {
      errors.push(`schema: type of ${path} must be one of ${FIELD_TYPES.join(', ')}`);
    }
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join('.');
      if (hasOwn(schema, prefix)) errors.push(`schema: ${path} is inside ${prefix}, which is itself a field`);
    }
  }
  return errors;
}

/**
 * Type-checks `rule` (untrusted JSON) against `schema` and compiles it into a predicate.
 * Errors name the place in the rule as a JSON path (`$.all[1].value: …`). Rejected: anything
 * that is not one of the four node shapes, extra keys, unknown fields or ops, an op the field's
 * type does not allow, a value of the wrong type, empty or over-long `in` lists, over-long
 * strings, nesting deeper than `limits.maxDepth` and more than `limits.maxNodes` nodes.
 */
export function compileRule(rule: unknown, schema: FieldSchema, limits: Partial<RuleLimits> = {}): CompileResult {
  const lim: RuleLimits = { ...DEFAULT_RULE_LIMITS, ...limits };
  const errors = validateSchema(schema);
  if (errors.length > 0) return { ok: false, errors };
  const fields = new Set<string>();
  let nodes = 0;
  let tooMany = false;

  const node = (n: unknown, at: string, depth: number): Pred | undefined => {
    if (depth > lim.maxDepth) {
      errors.push(`${at}: nested deeper than ${lim.maxDepth} levels`);
      return undefined;
    }
    if (++nodes > lim.maxNodes) {
      if (!tooMany) errors.push(`rule has more than ${lim.maxNodes} conditions and groups`);
      tooMany = true;
      return undefined;
    }
    if (!isPlainObject(n)) {
      errors.push(`${at}: expected an object with all, any, not or field/op`);
      return undefined;
    }
    const keys = Object.keys(n);
    if (hasOwn(n, 'all') || hasOwn(n, 'any')) {
      const kind = hasOwn(n, 'all') ? 'all' : 'any';
      if (keys.length !== 1) {
        errors.push(`${at}: a group has exactly one key (${kind}), found ${keys.join(', ')}`);
        return undefined;
      }
      const items = n[kind];
      if (!Array.isArray(items)) {
        errors.push(`${at}.${kind}: expected an array of conditions`);
        return undefined;
      }
      if (items.length > lim.maxNodes) {
        errors.push(`rule has more than ${lim.maxNodes} conditions and groups`);
        return undefined;
      }
      const preds = items.map((c, i) => node(c, `${at}.${kind}[${i}]`, depth + 1));
      if (!preds.every((p): p is Pred => p !== undefined)) return undefined;
      return kind === 'all' ? (f) => preds.every((p) => p(f)) : (f) => preds.some((p) => p(f));
    }
    if (hasOwn(n, 'not')) {
      if (keys.length !== 1) {
        errors.push(`${at}: not has exactly one key, found ${keys.join(', ')}`);
        return undefined;
      }
      const inner = node(n.not, `${at}.not`, depth + 1);
      return inner && ((f) => !inner(f));
    }
    if (hasOwn(n, 'field') || hasOwn(n, 'op')) return condition(n, at);
    errors.push(`${at}: expected an object with all, any, not or field/op`);
    return undefined;
  };

  const condition = (n: Record<string, unknown>, at: string): Pred | undefined => {
    const extra = Object.keys(n).filter((k) => k !== 'field' && k !== 'op' && k !== 'value');
    if (extra.length > 0) {
      errors.push(`${at}: unknown key(s) ${extra.join(', ')} (a condition has field, op and value)`);
      return undefined;
    }
    const { field, op, value } = n;
    if (typeof field !== 'string' || !hasOwn(schema, field)) {
      errors.push(`${at}.field: unknown field ${JSON.stringify(field)}`);
      return undefined;
    }
    const type = schema[field];
    if (typeof op !== 'string' || !(RULE_OPS as readonly string[]).includes(op)) {
      errors.push(`${at}.op: unknown op ${JSON.stringify(op)} (ops: ${RULE_OPS.join(', ')})`);
      return undefined;
    }
    if (!OPS_BY_TYPE[type].includes(op as RuleOp)) {
      errors.push(`${at}.op: ${op} does not apply to ${field} (${type}); allowed: ${OPS_BY_TYPE[type].join(', ')}`);
      return undefined;
    }
    const path = field.split('.');
    const problem = valueProblem(type, op as RuleOp, value, lim);
    if (problem !== undefined) {
      errors.push(`${at}.value: ${problem}`);
      return undefined;
    }
    fields.add(field);
    const get = (f: unknown): unknown => read(f, path);
    const typed = (v: unknown) => ofType(type, v);
    switch (op as RuleOp) {
      case 'exists': {
        const want = value !== false;
        return (f) => typed(get(f)) === want;
      }
      case 'eq':
        return (f) => {
          const v = get(f);
          return typed(v) && v === value;
        };
      case 'neq':
        return (f) => {
          const v = get(f);
          return typed(v) && v !== value;
        };
      case 'gt':
        return (f) => {
          const v = get(f);
          return typed(v) && (v as number | string) > (value as number | string);
        };
      case 'gte':
        return (f) => {
          const v = get(f);
          return typed(v) && (v as number | string) >= (value as number | string);
        };
      case 'lt':
        return (f) => {
          const v = get(f);
          return typed(v) && (v as number | string) < (value as number | string);
        };
      case 'lte':
        return (f) => {
          const v = get(f);
          return typed(v) && (v as number | string) <= (value as number | string);
        };
      case 'in': {
        const set = new Set<unknown>(value as unknown[]);
        return (f) => {
          const v = get(f);
          return typed(v) && set.has(v);
        };
      }
      case 'contains': {
        const needle = value as string;
        return (f) => {
          const v = get(f);
          return typed(v) && (v as string | string[]).includes(needle);
        };
      }
    }
  };

  const pred = node(rule, '$', 1);
  if (errors.length > 0 || pred === undefined) return { ok: false, errors };
  return { ok: true, evaluate: pred, fields: [...fields].sort() };
}

/** Why `value` does not fit `op` on a field of `type`, or undefined when it does. */
function valueProblem(type: FieldType, op: RuleOp, value: unknown, lim: RuleLimits): string | undefined {
  if (op === 'exists') return value === undefined || typeof value === 'boolean' ? undefined : 'exists takes true, false or no value';
  if (value === undefined) return `${op} needs a value`;
  const scalar = (v: unknown): string | undefined => {
    const t = type === 'string[]' ? 'string' : type;
    if (t === 'date') return isIsoDate(v) ? undefined : 'expected a date YYYY-MM-DD';
    if (!ofType(t, v)) return `expected a ${t === 'number' ? 'finite number' : t}`;
    if (typeof v === 'string' && v.length > lim.maxStringLength) return `strings are at most ${lim.maxStringLength} characters`;
    return undefined;
  };
  if (op !== 'in') return scalar(value);
  if (!Array.isArray(value) || value.length === 0) return 'in needs a non-empty array';
  if (value.length > lim.maxListLength) return `in takes at most ${lim.maxListLength} values`;
  for (const [i, v] of value.entries()) {
    const p = scalar(v);
    if (p !== undefined) return `[${i}]: ${p}`;
  }
  return undefined;
}

/** A persona: a label assigned to members whose facts satisfy `rule`. */
export interface PersonaDefinition {
  readonly label: string;
  readonly rule: unknown;
}

export type PersonaCompileResult =
  | { readonly ok: true; readonly assign: (facts: unknown) => string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Compiles a tenant's persona rules. `assign(facts)` returns the labels of every matching
 * persona, in definition order. Labels must be non-blank and unique; each rule's errors are
 * prefixed with its label. Persona rules should not read the `personas` fact themselves (the
 * caller's schema for them omits it).
 */
export function compilePersonaRules(definitions: readonly PersonaDefinition[], schema: FieldSchema, limits: Partial<RuleLimits> = {}): PersonaCompileResult {
  const errors: string[] = [];
  const compiled: { label: string; evaluate: (facts: unknown) => boolean }[] = [];
  const labels = new Set<string>();
  definitions.forEach((d, i) => {
    const name = typeof d.label === 'string' && d.label.trim() !== '' ? d.label : undefined;
    if (name === undefined) errors.push(`persona[${i}]: label must be non-blank`);
    else if (labels.has(name)) errors.push(`persona ${JSON.stringify(name)}: duplicate label`);
    else labels.add(name);
    const r = compileRule(d.rule, schema, limits);
    if (!r.ok) errors.push(...r.errors.map((e) => `persona ${JSON.stringify(name ?? i)}: ${e}`));
    else if (name !== undefined) compiled.push({ label: name, evaluate: r.evaluate });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, assign: (facts) => compiled.filter((p) => p.evaluate(facts)).map((p) => p.label) };
}

/**
 * The standard member facts segment and persona rules can use, as the members service builds
 * them (profile, tenure, tier, RFM, CIVILFORMD total, journey stage, personas). Tenant custom
 * attributes are added under `attributes.` by {@link memberFactSchema}.
 */
export const MEMBER_FACT_SCHEMA: FieldSchema = {
  gender: 'string',
  maritalStatus: 'string',
  economicBand: 'string',
  interests: 'string[]',
  lifestyle: 'string[]',
  preferredChannels: 'string[]',
  primaryNeed: 'string',
  secondaryNeeds: 'string[]',
  joinReason: 'string',
  birthDate: 'date',
  memberSince: 'date',
  tenureDays: 'number',
  tier: 'string',
  'rfm.r': 'number',
  'rfm.f': 'number',
  'rfm.m': 'number',
  'rfm.code': 'string',
  'civilformd.total': 'number',
  journeyStage: 'string',
  personas: 'string[]',
};

/** {@link MEMBER_FACT_SCHEMA} plus a tenant's custom attributes as `attributes.<name>`. */
export function memberFactSchema(customAttributes: Readonly<Record<string, FieldType>> = {}): FieldSchema {
  const schema: Record<string, FieldType> = { ...MEMBER_FACT_SCHEMA };
  for (const [name, type] of Object.entries(customAttributes)) schema[`attributes.${name}`] = type;
  return schema;
}
