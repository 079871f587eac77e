import fc from 'fast-check';
import { CODE_ALPHABET, RANDOM_LENGTH, makeCode, readCode, refusal } from './coupon-code';

const random = fc.array(fc.integer({ min: 0, max: CODE_ALPHABET.length - 1 }), { minLength: RANDOM_LENGTH, maxLength: RANDOM_LENGTH });

describe('coupon codes', () => {
  it('reads back every code it makes, however it is typed', () => {
    fc.assert(
      fc.property(random, (r) => {
        const code = makeCode('YLD', r);
        expect(readCode(code)).toEqual({ ok: true, code });
        const typed = `${code.slice(0, 6).toLowerCase()} - ${code.slice(6)}`;
        expect(readCode(typed)).toEqual({ ok: true, code });
      }),
    );
  });

  it('catches every single-character mistake with the check character', () => {
    fc.assert(
      fc.property(random, fc.nat(RANDOM_LENGTH), fc.integer({ min: 1, max: CODE_ALPHABET.length - 1 }), (r, pos, shift) => {
        const code = makeCode('', r);
        const i = CODE_ALPHABET.indexOf(code[pos]);
        const typo = code.slice(0, pos) + CODE_ALPHABET[(i + shift) % CODE_ALPHABET.length] + code.slice(pos + 1);
        expect(readCode(typo)).toEqual({ ok: false, reason: 'check' });
      }),
    );
  });

  it('catches every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(random, fc.nat(RANDOM_LENGTH - 2), (r, pos) => {
        const code = makeCode('', r);
        fc.pre(code[pos] !== code[pos + 1]);
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(readCode(swapped)).toEqual({ ok: false, reason: 'check' });
      }),
    );
  });

  it('refuses other shapes as format errors', () => {
    expect(readCode('YLD123')).toEqual({ ok: false, reason: 'format' });
    expect(readCode('TOOLONGPREFIXACDEFGHJKMN')).toEqual({ ok: false, reason: 'format' });
    expect(readCode('YLDOOOOOOOOOOO')).toEqual({ ok: false, reason: 'format' }); // O is not in the alphabet
  });

  it('reads Persian digits as ASCII', () => {
    const code = makeCode('', [18, 19, 20, 21, 22, 18, 19, 20, 21, 22]); // 3 4 6 7 9 …
    const persian = code.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    expect(readCode(persian)).toEqual({ ok: true, code });
  });
});

describe('coupon refusal', () => {
  const at = new Date('2026-11-23T12:00:00Z');
  const ok = { active: true, validFrom: null, validUntil: null, uses: 0, maxUses: 1, memberUses: 0, perMemberLimit: 1 };
  it.each([
    ['usable', ok, null],
    ['inactive batch', { ...ok, active: false }, 'inactive'],
    ['before its window', { ...ok, validFrom: new Date('2026-12-01T00:00:00Z') }, 'not-yet-valid'],
    ['at the end of its window (exclusive)', { ...ok, validUntil: at }, 'expired'],
    ['single use, used', { ...ok, uses: 1 }, 'used-up'],
    ['multi use, room left', { ...ok, uses: 4, maxUses: 5 }, null],
    ['member limit reached', { ...ok, maxUses: null, memberUses: 1 }, 'member-limit'],
  ])('%s', (_, state, expected) => {
    expect(refusal(state, at)).toBe(expected);
  });
});
