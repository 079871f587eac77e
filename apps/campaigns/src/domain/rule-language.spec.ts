import { buildRuleContext, type RuleContextInput } from './rule-context';
import { compileExpression, createRuleEnvironment, MAX_EXPRESSION_LENGTH, type CompiledExpression, type ExpressionKind } from './rule-language';

const env = createRuleEnvironment([
  { key: 'vip', type: 'boolean' },
  { key: 'kids', type: 'number' },
  { key: 'city', type: 'string' },
  { key: 'since', type: 'date' },
  { key: 'level', type: 'enum' },
]);

function compile(source: string, kind: ExpressionKind = 'condition'): CompiledExpression {
  const r = compileExpression(env, kind, source, '#/x');
  if (!r.ok) throw new Error(`expected ${source} to compile: ${JSON.stringify(r.errors)}`);
  return r.expression;
}

function errorOf(source: string, kind: ExpressionKind = 'condition'): string {
  const r = compileExpression(env, kind, source, '#/rules/0/condition');
  if (r.ok) throw new Error(`expected ${source} to be rejected`);
  expect(r.errors.every((e) => e.pointer === '#/rules/0/condition')).toBe(true);
  return r.errors.map((e) => e.detail).join(' | ');
}

const input: RuleContextInput = {
  trigger: 'purchase',
  instant: new Date('2025-03-21T08:30:00Z'), // 1 Farvardin 1404, 12:00 in Tehran
  tenant: { timeZone: 'Asia/Tehran', calendar: 'jalali' },
  member: {
    id: 'm-1',
    tier: 'gold',
    tenureDays: 400,
    segments: ['champions', 'dairy-lovers'],
    personas: ['family'],
    journeyStage: 'active',
    attributes: { vip: true, kids: 2, city: 'Tehran', since: '2020-01-05' },
    birthDate: '1990-03-21',
  },
  cart: {
    amount: 1_250_000,
    currency: 'IRR',
    lines: [
      { sku: 'MILK-1', category: 'dairy', quantity: 3, unitPrice: 150_000 },
      { sku: 'BREAD', category: 'bakery', quantity: 1, unitPrice: 800_000 },
    ],
  },
  basePoints: 125,
  store: { id: 'store-7', tags: ['mall'] },
  channel: 'pos',
};
const ctx = buildRuleContext(input);

describe('compileExpression: rejected when the campaign is published', () => {
  it.each([
    ['cart.totl > 5', /unknown field "totl" of cart .*cart has amount, currency, itemCount, lines/],
    ['member.tenure > 5', /unknown field "tenure" of member/],
    ['member.attributes.vipp', /unknown field "vipp" of member.attributes.*vip, kids, city, since, level/],
    ['time.jalali.mnth == 1', /unknown field "mnth" of time.jalali/],
    ['crt.amount > 5', /Unknown variable: crt.*the variables are cart, member, store, channel, time, event/],
    ['line.sku == "x"', /Unknown variable: line/],
  ])('%s: unknown names', (source, message) => {
    expect(errorOf(source)).toMatch(message);
  });

  it.each([
    ['cart.amount > "100"', /no such overload: int > string/],
    ['member.tier == 1', /no such overload: string == int/],
    ['member.segments > 2', /no such overload/],
    ['member.attributes.kids == 2', /number attributes are doubles: compare with 3.0/],
    ['time.isNowruz + 1 > 0', /no such overload/],
  ])('%s: wrong types', (source, message) => {
    expect(errorOf(source)).toMatch(message);
  });

  it.each([
    ['cart.amount', /must be a boolean expression, this one is int/],
    ['member.tier', /must be a boolean expression, this one is string/],
    ['event.properties.flag', /must be a boolean expression, this one is dyn/],
  ])('%s: not a boolean', (source, message) => {
    expect(errorOf(source)).toMatch(message);
  });

  it('reports syntax errors with their position, on one line', () => {
    const detail = errorOf('member.tier = "gold"');
    expect(detail).toMatch(/Unexpected character: = \(characters 12-13\)/);
    expect(detail).not.toContain('\n');
    expect(errorOf('')).toBe('an expression is required');
  });

  it('refuses regular expressions and deep comprehensions (sandbox)', () => {
    expect(errorOf('member.tier.matches("(a+)+$")')).toMatch(/regular expressions \(matches\) are not allowed/);
    expect(errorOf('cart.lines.exists(a, cart.lines.exists(b, cart.lines.exists(c, a.sku == c.sku)))')).toMatch(/nest at most 2 deep/);
    compile('cart.lines.exists(a, cart.lines.exists(b, a.sku != b.sku && a.category == b.category))');
    compile('cart.lines.exists(a, a.sku == line.sku && a.amount > line.amount)', 'line-filter');
    expect(errorOf('cart.lines.exists(a, cart.lines.exists(b, b.sku == line.sku))', 'line-filter')).toMatch(/a line filter’s own loop/);
    compile('cart.lines.filter(l, l.category == "dairy").exists(l, l.quantity > 2)');
  });

  it('bounds the size of an expression', () => {
    expect(errorOf(`cart.amount > ${'1'.padEnd(MAX_EXPRESSION_LENGTH, '0')}`)).toMatch(/at most 2000 characters/);
    const long = Array.from({ length: 100 }, () => 'cart.amount>1').join('&&');
    expect(errorOf(long)).toMatch(/Exceeded maxAstNodes/);
  });
});

describe('compiled expressions evaluate over the context', () => {
  it.each([
    ['cart.amount >= 1000000 && cart.currency == "IRR"', true],
    ['cart.itemCount == 4', true],
    ['cart.lines.exists(l, l.category == "dairy" && l.quantity >= 3)', true],
    ['cart.lines.all(l, l.amount > 500000)', false],
    ['size(cart.lines.filter(l, l.category == "bakery")) == 1', true],
    ['member.tier in ["gold", "platinum"]', true],
    ['"champions" in member.segments && member.tenureDays > 365', true],
    ['"family" in member.personas && member.journeyStage == "active"', true],
    ['member.attributes.vip && member.attributes.kids >= 2 && member.attributes.city.startsWith("Teh")', true],
    ['member.attributes.since < "2021-01-01"', true],
    ['store.id == "store-7" && "mall" in store.tags && channel == "pos"', true],
    ['event.type == "purchase" && event.name == ""', true],
    ['time.isNowruz && time.isBirthday && !time.isYalda', true],
  ])('%s → %s', (source, expected) => {
    expect(compile(source).evaluate(ctx.facts)).toBe(expected);
  });

  it('an attribute the member has not set is an evaluation error (false), absorbed by && / ||', () => {
    const r = compile('member.attributes.level == "a"').evaluate(ctx.facts);
    expect(r).toEqual({ error: expect.stringMatching(/No such key: level/) });
    expect(compile('has(member.attributes.level) && member.attributes.level == "a"').evaluate(ctx.facts)).toBe(false);
    expect(compile('member.attributes.level == "a" || member.tier == "gold"').evaluate(ctx.facts)).toBe(true);
  });

  it('integer overflow and division by zero are errors, not wrong answers', () => {
    expect(compile('cart.amount * 9223372036854775807 > 0').evaluate(ctx.facts)).toEqual({ error: expect.stringMatching(/overflow/) });
    expect(compile('cart.amount / (cart.itemCount - 4) > 0').evaluate(ctx.facts)).toEqual({ error: expect.stringMatching(/division by zero/) });
  });

  it('line filters see `line` and the rest of the context', () => {
    const f = compile('line.category == "dairy" && member.tier == "gold"', 'line-filter');
    const act = { ...ctx.facts, line: ctx.celLines[0] };
    expect(f.evaluate(act)).toBe(true);
    expect(f.evaluate({ ...ctx.facts, line: ctx.celLines[1] })).toBe(false);
  });

  it('event properties are a dynamic map', () => {
    const c = buildRuleContext({ ...input, trigger: 'custom-event', cart: undefined, eventName: 'app-review', eventProperties: { stars: 5, text: 'great' } });
    expect(compile('event.name == "app-review" && event.properties.stars >= 4').evaluate(c.facts)).toBe(true);
    expect(compile('has(event.properties.missing)').evaluate(c.facts)).toBe(false);
    expect(compile('cart.amount == 0 && size(cart.lines) == 0').evaluate(c.facts)).toBe(true);
  });

  it('a club without custom attributes has none to read', () => {
    const bare = createRuleEnvironment();
    const r = compileExpression(bare, 'condition', 'member.attributes.vip', '#/c');
    expect(r.ok).toBe(false);
    expect(() => createRuleEnvironment([{ key: 'a', type: 'string' }, { key: 'a', type: 'number' }])).toThrow(RangeError);
  });
});
