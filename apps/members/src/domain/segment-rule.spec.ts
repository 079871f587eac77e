import fc from 'fast-check';
import {
  type Condition,
  type FieldSchema,
  type FieldType,
  MEMBER_FACT_SCHEMA,
  OPS_BY_TYPE,
  type Rule,
  compilePersonaRules,
  compileRule,
  isIsoDate,
  memberFactSchema,
  validateSchema,
} from './segment-rule';

const SCHEMA: FieldSchema = {
  tier: 'string',
  journeyStage: 'string',
  'rfm.m': 'number',
  'civilformd.total': 'number',
  'attributes.vip': 'boolean',
  birthDate: 'date',
  interests: 'string[]',
};
const FIELDS = Object.keys(SCHEMA);

const FACTS = {
  tier: 'gold',
  journeyStage: 'active',
  rfm: { m: 4, r: 5 },
  civilformd: { total: 62 },
  attributes: { vip: true },
  birthDate: '1996-09-11',
  interests: ['sport', 'books'],
};

const compile = (rule: unknown, schema: FieldSchema = SCHEMA) => {
  const r = compileRule(rule, schema);
  if (!r.ok) throw new Error(`expected the rule to compile: ${r.errors.join('; ')}`);
  return r;
};
const errorsOf = (rule: unknown, schema: FieldSchema = SCHEMA, limits = {}) => {
  const r = compileRule(rule, schema, limits);
  return r.ok ? [] : r.errors;
};

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-00-10', false],
    ['2025-1-10', false],
    ['2025-01-10T00:00:00Z', false],
    [20250110, false],
  ])('%j → %s', (v, ok) => {
    expect(isIsoDate(v)).toBe(ok);
  });
});

describe('compileRule: evaluation', () => {
  it.each<[string, Rule, boolean]>([
    ['string eq', { field: 'tier', op: 'eq', value: 'gold' }, true],
    ['string eq is case-sensitive', { field: 'tier', op: 'eq', value: 'Gold' }, false],
    ['string neq', { field: 'tier', op: 'neq', value: 'silver' }, true],
    ['string in', { field: 'tier', op: 'in', value: ['silver', 'gold'] }, true],
    ['string contains (substring)', { field: 'tier', op: 'contains', value: 'ol' }, true],
    ['nested number gte', { field: 'rfm.m', op: 'gte', value: 4 }, true],
    ['nested number gt', { field: 'rfm.m', op: 'gt', value: 4 }, false],
    ['number lt', { field: 'civilformd.total', op: 'lt', value: 62.5 }, true],
    ['number lte', { field: 'civilformd.total', op: 'lte', value: 61 }, false],
    ['number in', { field: 'rfm.m', op: 'in', value: [4, 5] }, true],
    ['custom boolean attribute', { field: 'attributes.vip', op: 'eq', value: true }, true],
    ['date gt', { field: 'birthDate', op: 'gt', value: '1990-01-01' }, true],
    ['date lte', { field: 'birthDate', op: 'lte', value: '1996-09-10' }, false],
    ['date eq', { field: 'birthDate', op: 'eq', value: '1996-09-11' }, true],
    ['string[] contains', { field: 'interests', op: 'contains', value: 'books' }, true],
    ['string[] contains is by element, not substring', { field: 'interests', op: 'contains', value: 'boo' }, false],
    ['exists', { field: 'journeyStage', op: 'exists' }, true],
    ['exists false', { field: 'journeyStage', op: 'exists', value: false }, false],
    ['all', { all: [{ field: 'tier', op: 'eq', value: 'gold' }, { field: 'rfm.m', op: 'gte', value: 5 }] }, false],
    ['any', { any: [{ field: 'tier', op: 'eq', value: 'silver' }, { field: 'rfm.m', op: 'gte', value: 3 }] }, true],
    ['not', { not: { field: 'journeyStage', op: 'eq', value: 'churned' } }, true],
    ['empty all is true', { all: [] }, true],
    ['empty any is false', { any: [] }, false],
  ])('%s', (_, rule, expected) => {
    expect(compile(rule).evaluate(FACTS)).toBe(expected);
  });

  const missing = { tier: null, rfm: 'oops', attributes: {}, interests: ['sport', 3] };
  it.each<[string, Rule, boolean]>([
    ['eq on a missing fact is false', { field: 'journeyStage', op: 'eq', value: 'active' }, false],
    ['neq on a missing fact is false too', { field: 'journeyStage', op: 'neq', value: 'active' }, false],
    ['not eq on a missing fact is true', { not: { field: 'journeyStage', op: 'eq', value: 'active' } }, true],
    ['null is missing', { field: 'tier', op: 'exists' }, false],
    ['a non-object on the path is missing', { field: 'rfm.m', op: 'exists', value: false }, true],
    ['a mistyped array is not a string[]', { field: 'interests', op: 'contains', value: 'sport' }, false],
  ])('%s', (_, rule, expected) => {
    expect(compile(rule).evaluate(missing)).toBe(expected);
  });

  it('a number fact that is not finite, or a string date that is not a date, satisfies nothing', () => {
    expect(compile({ field: 'rfm.m', op: 'neq', value: 1 }).evaluate({ rfm: { m: NaN } })).toBe(false);
    expect(compile({ field: 'rfm.m', op: 'gt', value: 1 }).evaluate({ rfm: { m: Infinity } })).toBe(false);
    expect(compile({ field: 'birthDate', op: 'lt', value: '2030-01-01' }).evaluate({ birthDate: '2025-02-30' })).toBe(false);
  });

  it('reads own properties only, never the prototype chain', () => {
    const rule = compile({ field: 'tier', op: 'exists' });
    expect(rule.evaluate(Object.create({ tier: 'gold' }))).toBe(false);
    expect(rule.evaluate(null)).toBe(false);
    expect(rule.evaluate(['gold'])).toBe(false);
    expect(rule.evaluate('tier')).toBe(false);
  });

  it('lists the fields the rule reads', () => {
    const r = compile({ all: [{ field: 'tier', op: 'eq', value: 'a' }, { not: { field: 'rfm.m', op: 'gt', value: 1 } }, { field: 'tier', op: 'exists' }] });
    expect(r.fields).toEqual(['rfm.m', 'tier']);
  });
});

describe('compileRule: rejected at compile time', () => {
  it.each<[string, unknown, RegExp]>([
    ['a typo in a field name', { field: 'teir', op: 'eq', value: 'gold' }, /\$\.field: unknown field "teir"/],
    ['a prototype property as a field', { field: 'toString', op: 'exists' }, /unknown field "toString"/],
    ['__proto__ as a field', JSON.parse('{"field":"__proto__","op":"exists"}'), /unknown field "__proto__"/],
    ['a parent of a field', { field: 'rfm', op: 'exists' }, /unknown field "rfm"/],
    ['a non-string field', { field: 3, op: 'exists' }, /unknown field 3/],
    ['an unknown op', { field: 'tier', op: 'like', value: 'g%' }, /\$\.op: unknown op "like"/],
    ['gt on a string', { field: 'tier', op: 'gt', value: 'a' }, /gt does not apply to tier \(string\)/],
    ['contains on a number', { field: 'rfm.m', op: 'contains', value: 1 }, /contains does not apply/],
    ['eq on a string[]', { field: 'interests', op: 'eq', value: 'sport' }, /eq does not apply/],
    ['gt on a boolean', { field: 'attributes.vip', op: 'gt', value: true }, /gt does not apply/],
    ['a number for a string', { field: 'tier', op: 'eq', value: 5 }, /\$\.value: expected a string/],
    ['a numeric string for a number', { field: 'rfm.m', op: 'gte', value: '4' }, /expected a finite number/],
    ['NaN for a number', { field: 'rfm.m', op: 'gte', value: NaN }, /expected a finite number/],
    ['a string for a boolean', { field: 'attributes.vip', op: 'eq', value: 'true' }, /expected a boolean/],
    ['an impossible date', { field: 'birthDate', op: 'lt', value: '2025-02-29' }, /expected a date/],
    ['an instant for a date', { field: 'birthDate', op: 'lt', value: '2025-02-01T00:00:00Z' }, /expected a date/],
    ['a number for string[] contains', { field: 'interests', op: 'contains', value: 3 }, /expected a string/],
    ['in without an array', { field: 'tier', op: 'in', value: 'gold' }, /in needs a non-empty array/],
    ['in with an empty array', { field: 'tier', op: 'in', value: [] }, /in needs a non-empty array/],
    ['in with a mistyped item', { field: 'rfm.m', op: 'in', value: [1, '2'] }, /value: \[1\]: expected a finite number/],
    ['a missing value', { field: 'tier', op: 'eq' }, /eq needs a value/],
    ['exists with a non-boolean', { field: 'tier', op: 'exists', value: 'yes' }, /exists takes true, false or no value/],
    ['an extra key (typo of value)', { field: 'tier', op: 'eq', vaule: 'gold' }, /unknown key\(s\) vaule/],
    ['a group with a second key', { all: [], any: [] }, /a group has exactly one key/],
    ['not with a second key', { not: { field: 'tier', op: 'exists' }, field: 'tier' }, /not has exactly one key/],
    ['all without an array', { all: { field: 'tier', op: 'exists' } }, /\$\.all: expected an array/],
    ['null', null, /\$: expected an object/],
    ['a string', 'tier == gold', /\$: expected an object/],
    ['an array', [{ field: 'tier', op: 'exists' }], /\$: expected an object/],
    ['an unrelated object', { where: 'tier = gold' }, /\$: expected an object with all, any, not or field\/op/],
    ['a nested error with its path', { all: [{ field: 'tier', op: 'exists' }, { any: [{ field: 'rfm.m', op: 'gt', value: 'x' }] }] }, /\$\.all\[1\]\.any\[0\]\.value: expected a finite number/],
    ['an over-long string', { field: 'tier', op: 'eq', value: 'x'.repeat(501) }, /at most 500 characters/],
    ['an over-long list', { field: 'rfm.m', op: 'in', value: Array.from({ length: 501 }, (_, i) => i) }, /at most 500 values/],
  ])('%s', (_, rule, message) => {
    const errors = errorsOf(rule);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => message.test(e))).toBe(true);
  });

  it('reports every error, not only the first', () => {
    expect(errorsOf({ any: [{ field: 'x', op: 'exists' }, { field: 'tier', op: 'nope' }, { field: 'rfm.m', op: 'eq', value: 'a' }] })).toHaveLength(3);
  });

  const nest = (depth: number): Rule => (depth === 1 ? { field: 'tier', op: 'exists' } : { not: nest(depth - 1) });
  it('limits nesting depth (default 8)', () => {
    expect(compileRule(nest(8), SCHEMA).ok).toBe(true);
    expect(errorsOf(nest(9))).toEqual([expect.stringMatching(/nested deeper than 8 levels/)]);
    expect(errorsOf(nest(3), SCHEMA, { maxDepth: 2 })).toEqual([expect.stringMatching(/nested deeper than 2 levels/)]);
  });

  it('limits size (default 200 nodes)', () => {
    const conds = (n: number) => Array.from({ length: n }, () => ({ field: 'tier', op: 'exists' }) as const);
    expect(compileRule({ all: conds(199) }, SCHEMA).ok).toBe(true);
    expect(errorsOf({ all: conds(200) })).toEqual([expect.stringMatching(/more than 200/)]);
    expect(errorsOf({ any: [{ all: conds(150) }, { all: conds(150) }] })).toEqual([expect.stringMatching(/more than 200/)]);
    expect(errorsOf({ all: conds(100_000) })).toEqual([expect.stringMatching(/more than 200/)]);
  });

  it('a cyclic object is stopped by the depth limit, not a stack overflow', () => {
    const cyclic: { not?: unknown } = {};
    cyclic.not = cyclic;
    expect(errorsOf(cyclic)).toEqual([expect.stringMatching(/nested deeper/)]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown type', { tier: 'text' }, /type of tier must be one of/],
    ['an empty path segment', { 'rfm..m': 'number' }, /field path "rfm\.\.m"/],
    ['a prototype segment', { 'attributes.__proto__': 'string' }, /field path/],
    ['a field inside another field', { rfm: 'string', 'rfm.m': 'number' }, /rfm\.m is inside rfm/],
  ])('rejects a schema with %s', (_, schema, message) => {
    expect(validateSchema(schema as FieldSchema)).toEqual([expect.stringMatching(message)]);
    expect(errorsOf({ all: [] }, schema as FieldSchema)).toEqual([expect.stringMatching(message)]);
  });

  it('accepts Persian attribute names', () => {
    expect(compileRule({ field: 'attributes.شهر', op: 'eq', value: 'تهران' }, { 'attributes.شهر': 'string' }).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests against a reference evaluator written independently from the compiler.

const POOL = {
  string: ['gold', 'silver', 'ol', '', 'تهران'],
  number: [-1, 0, 1, 2.5, 4, 62],
  boolean: [true, false],
  date: ['1996-09-11', '2000-02-29', '2024-12-31'],
};

/** The reference: a direct interpreter of the documented semantics. */
function reference(rule: Rule, facts: unknown): boolean {
  if ('all' in rule) return rule.all.every((r) => reference(r, facts));
  if ('any' in rule) return rule.any.some((r) => reference(r, facts));
  if ('not' in rule) return !reference(rule.not, facts);
  let v: unknown = facts;
  for (const seg of rule.field.split('.')) {
    const obj = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    v = obj && Object.keys(obj).includes(seg) ? obj[seg] : undefined;
  }
  const type = SCHEMA[rule.field];
  const present =
    type === 'string[]'
      ? Array.isArray(v) && v.every((x) => typeof x === 'string')
      : type === 'date'
        ? typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
        : type === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : typeof v === type;
  if (rule.op === 'exists') return present === (rule.value ?? true);
  if (!present) return false;
  const x = v as string & number;
  const y = rule.value as string & number;
  switch (rule.op) {
    case 'eq':
      return x === y;
    case 'neq':
      return x !== y;
    case 'gt':
      return x > y;
    case 'gte':
      return x >= y;
    case 'lt':
      return x < y;
    case 'lte':
      return x <= y;
    case 'in':
      return (rule.value as unknown[]).includes(x);
    case 'contains':
      return Array.isArray(v) ? v.includes(rule.value) : (v as string).includes(rule.value as string);
  }
}

const scalarOf = (type: FieldType): fc.Arbitrary<unknown> => fc.constantFrom<unknown>(...POOL[type === 'string[]' ? 'string' : type]);

const conditionArb: fc.Arbitrary<Condition> = fc.constantFrom(...FIELDS).chain((field) => {
  const type = SCHEMA[field];
  return fc.constantFrom(...OPS_BY_TYPE[type]).chain((op): fc.Arbitrary<Condition> => {
    if (op === 'exists') return fc.option(fc.boolean(), { nil: undefined }).map((value) => (value === undefined ? { field, op } : { field, op, value }));
    if (op === 'in') return fc.uniqueArray(scalarOf(type), { minLength: 1, maxLength: 3 }).map((value) => ({ field, op, value }));
    return scalarOf(type).map((value) => ({ field, op, value }));
  });
});

const ruleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    conditionArb,
    fc.array(tie('rule'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('rule'), { maxLength: 3 }).map((any) => ({ any })),
    tie('rule').map((not) => ({ not })),
  ),
})).rule;

/** Depth of a rule as the compiler counts it. */
const depth = (r: Rule): number => ('all' in r ? 1 + Math.max(0, ...r.all.map(depth)) : 'any' in r ? 1 + Math.max(0, ...r.any.map(depth)) : 'not' in r ? 1 + depth(r.not) : 1);
const smallRuleArb = ruleArb.filter((r) => depth(r) <= 8);

/** A fact value of `type`: well typed, missing, null or ill-typed. */
const factValueArb = (type: FieldType): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: type === 'string[]' ? fc.uniqueArray(scalarOf('string'), { maxLength: 3 }) : scalarOf(type) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'gold', 4, true, NaN, '2025-02-30', ['sport', 1], { nested: 1 }) },
  );

const factsArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(...FIELDS.map((f) => factValueArb(SCHEMA[f]))).map((values) => {
    const facts: Record<string, unknown> = {};
    FIELDS.forEach((path, i) => {
      if (values[i] === undefined) return;
      const segs = path.split('.');
      let obj = facts;
      for (const s of segs.slice(0, -1)) obj = (obj[s] ??= {}) as Record<string, unknown>;
      obj[segs[segs.length - 1]] = values[i];
    });
    return facts;
  }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 'facts', 42, [], { rfm: 7, attributes: null }) },
);

/** Collect the leaves of a rule. */
const leaves = (r: Rule): Condition[] => ('all' in r ? r.all.flatMap(leaves) : 'any' in r ? r.any.flatMap(leaves) : 'not' in r ? leaves(r.not) : [r]);

/** A copy of `r` with its first leaf (in the order of {@link leaves}) replaced by `change(leaf)`. */
function mutateFirstLeaf(r: Rule, change: (c: Condition) => unknown): unknown {
  let done = false;
  const walk = (n: Rule): unknown => {
    if ('all' in n) return { all: n.all.map(walk) };
    if ('any' in n) return { any: n.any.map(walk) };
    if ('not' in n) return { not: walk(n.not) };
    if (done) return n;
    done = true;
    return change(n);
  };
  return walk(r);
}

const WRONG: Record<FieldType, unknown> = { string: 42, number: '42', boolean: 'true', date: '2025-13-01', 'string[]': 7 };

describe('compileRule: properties', () => {
  it('well-typed rules compile, and evaluation equals the reference evaluation on random facts', () => {
    fc.assert(
      fc.property(smallRuleArb, fc.array(factsArb, { minLength: 1, maxLength: 5 }), (rule, factsList) => {
        const compiled = compile(rule);
        for (const facts of factsList) expect(compiled.evaluate(facts)).toBe(reference(rule, facts));
        expect(compiled.fields).toEqual([...new Set(leaves(rule).map((l) => l.field))].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('a compiled rule survives a JSON round trip unchanged in meaning', () => {
    fc.assert(
      fc.property(smallRuleArb, factsArb, (rule, facts) => {
        expect(compile(JSON.parse(JSON.stringify(rule))).evaluate(facts)).toBe(compile(rule).evaluate(facts));
      }),
    );
  });

  it('an unknown field anywhere is rejected', () => {
    fc.assert(
      fc.property(smallRuleArb, fc.constantFrom('x', 'tierr', 'rfm', 'rfm.x', 'attributes', 'hasOwnProperty'), (rule, bad) => {
        fc.pre(leaves(rule).length > 0);
        const errors = errorsOf(mutateFirstLeaf(rule, (c) => ({ ...c, field: bad })));
        expect(errors).toContainEqual(expect.stringContaining(`unknown field "${bad}"`));
      }),
    );
  });

  it('an unknown op or an op the type does not allow is rejected', () => {
    fc.assert(
      fc.property(smallRuleArb, fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists', 'like', 'EQ', 'regex'), (rule, op) => {
        const first = leaves(rule)[0];
        fc.pre(first !== undefined && !(OPS_BY_TYPE[SCHEMA[first.field]] as readonly string[]).includes(op));
        expect(errorsOf(mutateFirstLeaf(rule, (c) => ({ ...c, op })))).toContainEqual(expect.stringMatching(/\.op: /));
      }),
    );
  });

  it('a value of the wrong type is rejected', () => {
    fc.assert(
      fc.property(smallRuleArb, (rule) => {
        const first = leaves(rule)[0];
        fc.pre(first !== undefined && first.op !== 'exists');
        const wrong = WRONG[SCHEMA[first.field]];
        const mutated = mutateFirstLeaf(rule, (c) => ({ ...c, value: c.op === 'in' ? [wrong] : wrong }));
        expect(errorsOf(mutated)).toContainEqual(expect.stringMatching(/\.value: /));
      }),
    );
  });

  it('never throws on arbitrary input, and evaluation never throws on arbitrary facts', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (rule, facts) => {
        const r = compileRule(rule, SCHEMA);
        if (r.ok) expect(typeof r.evaluate(facts)).toBe('boolean');
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('member facts and personas', () => {
  it('the member fact schema is valid, with custom attributes under attributes.', () => {
    const schema = memberFactSchema({ vip: 'boolean', city: 'string' });
    expect(validateSchema(schema)).toEqual([]);
    expect(schema).toMatchObject({ ...MEMBER_FACT_SCHEMA, 'attributes.vip': 'boolean', 'attributes.city': 'string' });
    const rule = compile({ all: [{ field: 'attributes.vip', op: 'eq', value: true }, { field: 'rfm.code', op: 'in', value: ['555', '554'] }] }, schema);
    expect(rule.evaluate({ attributes: { vip: true }, rfm: { code: '555' } })).toBe(true);
  });

  it('assigns every matching persona in definition order', () => {
    const personas = compilePersonaRules(
      [
        { label: 'loyal-spender', rule: { all: [{ field: 'rfm.m', op: 'gte', value: 4 }, { field: 'journeyStage', op: 'in', value: ['active', 'won-back'] }] } },
        { label: 'reader', rule: { field: 'interests', op: 'contains', value: 'books' } },
        { label: 'vip', rule: { field: 'attributes.vip', op: 'eq', value: false } },
      ],
      SCHEMA,
    );
    if (!personas.ok) throw new Error(personas.errors.join('; '));
    expect(personas.assign(FACTS)).toEqual(['loyal-spender', 'reader']);
    expect(personas.assign({})).toEqual([]);
  });

  it('rejects blank or duplicate labels and reports rule errors by label', () => {
    const r = compilePersonaRules(
      [
        { label: 'a', rule: { field: 'tier', op: 'exists' } },
        { label: 'a', rule: { field: 'tier', op: 'exists' } },
        { label: ' ', rule: { field: 'tier', op: 'exists' } },
        { label: 'b', rule: { field: 'tierr', op: 'exists' } },
      ],
      SCHEMA,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        'persona "a": duplicate label',
        'persona[2]: label must be non-blank',
        expect.stringMatching(/^persona "b": \$\.field: unknown field "tierr"/),
      ]);
    }
  });
});
