import fc from 'fast-check';
import { generateCardNumber, isValidCardNumber, luhnCheckDigit, maskCardNumber, normaliseCardNumber } from './card-number';

const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const arabic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

const VALID = '4111111111111111'; // the well-known Luhn-valid test number
/** A source of `n` random digits for generateCardNumber, drawn by fast-check. */
const digitSource = fc.infiniteStream(fc.integer({ min: 0, max: 9 })).map((stream) => (n: number) => [...stream.take(n)].join(''));
const validCard = digitSource.map((source) => generateCardNumber(source));

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3],
    ['411111111111111', 1],
    ['628000000000000', 8],
    ['0', 0],
    ['9', 1],
  ])('%s → %d', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it.each(['', '12a4', '۱۲۳', ' 123'])('throws on a payload that is not ASCII digits: %j', (payload) => {
    expect(() => luhnCheckDigit(payload)).toThrow(RangeError);
  });
});

describe('normaliseCardNumber / isValidCardNumber', () => {
  it.each([
    VALID,
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    ' 4111\u00a01111 - 1111\t1111 ',
    persian('4111 1111 1111 1111'),
    arabic('4111-1111-1111-1111'),
    '\u200e۴۱۱۱ ١١١١ 1111 ۱۱۱۱',
  ])('accepts %j', (input) => {
    expect(normaliseCardNumber(input)).toEqual({ ok: true, cardNumber: VALID });
    expect(isValidCardNumber(input)).toBe(true);
  });

  it.each([
    ['', 'format'],
    ['411111111111111', 'format'],
    ['41111111111111111', 'format'],
    ['4111.1111.1111.1111', 'format'],
    ['4111 1111 1111 111x', 'format'],
    ['+4111111111111111', 'format'],
    ['４１１１１１１１１１１１１１１１', 'format'],
    ['4111111111111112', 'check-digit'],
    ['4111 1111 1111 1121', 'check-digit'],
    [persian('4111111111111110'), 'check-digit'],
  ] as const)('rejects %j (%s)', (input, reason) => {
    expect(normaliseCardNumber(input)).toEqual({ ok: false, reason });
    expect(isValidCardNumber(input)).toBe(false);
  });
});

describe('generateCardNumber', () => {
  it('builds prefix + random digits + check digit', () => {
    expect(generateCardNumber(() => '00000000000')).toBe('6280000000000008');
    expect(generateCardNumber((n) => '1'.repeat(n), '4')).toBe(VALID);
  });

  it('generated numbers are 16 digits, carry the prefix and always validate', () => {
    fc.assert(
      fc.property(digitSource, fc.stringMatching(/^\d{0,14}$/), (source, prefix) => {
        const card = generateCardNumber(source, prefix);
        expect(card).toMatch(/^\d{16}$/);
        expect(card.startsWith(prefix)).toBe(true);
        expect(normaliseCardNumber(card)).toEqual({ ok: true, cardNumber: card });
      }),
    );
  });

  it('asks the source for exactly the missing digits', () => {
    const asked: number[] = [];
    generateCardNumber((n) => (asked.push(n), '5'.repeat(n)));
    expect(asked).toEqual([11]);
  });

  it.each([
    ['a source returning too few digits', () => '123', '6280'],
    ['a source returning non-digits', (n: number) => 'x'.repeat(n), '6280'],
    ['a source returning Persian digits', (n: number) => '۱'.repeat(n), '6280'],
    ['a non-digit prefix', (n: number) => '1'.repeat(n), '62a0'],
    ['a prefix leaving no room for random digits', (n: number) => '1'.repeat(n), '628000000000000'],
  ])('throws on %s', (_, source, prefix) => {
    expect(() => generateCardNumber(source, prefix)).toThrow(RangeError);
  });
});

describe('Luhn error detection on valid card numbers', () => {
  it('changing any single digit always fails the check', () => {
    fc.assert(
      fc.property(validCard, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (card, at, delta) => {
        const changed = String((Number(card[at]) + delta) % 10);
        const mistyped = card.slice(0, at) + changed + card.slice(at + 1);
        expect(normaliseCardNumber(mistyped)).toEqual({ ok: false, reason: 'check-digit' });
      }),
    );
  });

  it('swapping two adjacent different digits is detected, except 09 ↔ 90', () => {
    fc.assert(
      fc.property(validCard, fc.integer({ min: 0, max: 14 }), (card, at) => {
        const [a, b] = [card[at], card[at + 1]];
        fc.pre(a !== b);
        const swapped = card.slice(0, at) + b + a + card.slice(at + 2);
        const luhnBlindSpot = (a === '0' && b === '9') || (a === '9' && b === '0');
        expect(isValidCardNumber(swapped)).toBe(luhnBlindSpot);
      }),
    );
  });

  it('the 09 ↔ 90 blind spot is real (so the property above is not vacuous)', () => {
    const card = generateCardNumber(() => '09000000000');
    const swapped = card.replace('6280' + '09', '6280' + '90');
    expect(swapped).not.toBe(card);
    expect(isValidCardNumber(card) && isValidCardNumber(swapped)).toBe(true);
  });
});

describe('maskCardNumber', () => {
  it.each([
    ['6280123456781234', '6280********1234'],
    ['6280 1234 5678 1234', '6280********1234'],
    [persian('6280-1234-5678-1234'), '6280********1234'],
    ['628012345678123', '****'],
    ['', '****'],
    ['not a card', '****'],
  ])('%j → %j', (input, expected) => {
    expect(maskCardNumber(input)).toBe(expected);
  });

  it('shows only the first and last four digits', () => {
    fc.assert(
      fc.property(validCard, (card) => {
        expect(maskCardNumber(card)).toBe(`${card.slice(0, 4)}********${card.slice(-4)}`);
      }),
    );
  });
});
