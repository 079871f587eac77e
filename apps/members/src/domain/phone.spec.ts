import fc from 'fast-check';
import { maskPhone, normaliseIranianMobile } from './phone';

const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const arabic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const scripts = { latin: (s: string) => s, persian, arabic };

const E164 = '+989121234567';
const FORMS = [
  '09121234567',
  '+989121234567',
  '00989121234567',
  '989121234567',
  '9121234567',
  '0912 123 4567',
  '0912-123-4567',
  '0912.123.4567',
  '(0912) 123 45 67',
  '+98 912 123 4567',
  '+98 (912) 123-4567',
  '+98 (0) 912 123 4567',
  '0098-912-123-4567',
  '98 912 1234567',
  '912 123 4567',
  ' 0912 123 4567 ',
  '\u200e0912\u00a0123\u00a04567', // LRM and no-break spaces, as pasted from an RTL page
  '0912–123–4567', // en dashes
];

describe('normaliseIranianMobile', () => {
  describe.each(Object.entries(scripts))('accepts every form in %s digits', (_, script) => {
    it.each(FORMS)('%j', (form) => {
      expect(normaliseIranianMobile(script(form))).toEqual({ ok: true, e164: E164 });
    });
  });

  it('accepts mixed Persian and Arabic digits in one number', () => {
    expect(normaliseIranianMobile('۰۹۱۲' + '١٢٣٤٥٦٧')).toEqual({ ok: true, e164: E164 });
  });

  it.each([
    ['', /empty/],
    ['  -  ', /empty/],
    ['02112345678', /not a mobile/],
    ['021-1234-5678', /not a mobile/],
    ['+98 21 1234 5678', /not a mobile/],
    ['۰۲۱۱۲۳۴۵۶۷۸', /not a mobile/],
    ['0912123456', /wrong length/],
    ['091212345678', /wrong length/],
    ['912123456', /wrong length/],
    ['+98912123456', /wrong length/],
    ['+98', /wrong length/],
    ['0', /wrong length/],
    ['0912abc4567', /only digits/],
    ['0912 123 4567 ext 2', /only digits/],
    ['0912+1234567', /only digits/],
    ['++989121234567', /only digits/],
    ['０９１２１２３４５６７', /only digits/], // fullwidth digits are not normalised
    ['phone', /only digits/],
    ['+447911123456', /only Iranian/],
    ['0044 7911 123456', /only Iranian/],
    ['+1 (415) 555-0100', /only Iranian/],
    ['+9712345678', /only Iranian/],
  ])('rejects %j', (input, reason) => {
    const result = normaliseIranianMobile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  const national = fc.stringMatching(/^9\d{9}$/);
  const form = fc.constantFrom(
    (n: string) => `0${n}`,
    (n: string) => `+98${n}`,
    (n: string) => `0098${n}`,
    (n: string) => `98${n}`,
    (n: string) => n,
  );
  const script = fc.constantFrom(...Object.values(scripts));
  /** Sprinkles separators between the characters of a number. */
  const withSeparators = (s: string) =>
    fc
      .array(fc.constantFrom('', '', '', ' ', '-', '.', '(', ')', '\u200e'), { minLength: s.length + 1, maxLength: s.length + 1 })
      .map((seps) => [...s].map((c, i) => seps[i] + c).join('') + seps[s.length]);

  it('maps any valid national number, in any form, script and spacing, to +98 + national', () => {
    fc.assert(
      fc.property(
        national.chain((n) => fc.tuple(fc.constant(n), form, script).chain(([n2, f, sc]) => fc.tuple(fc.constant(n2), withSeparators(sc(f(n2)))))),
        ([n, input]) => {
          expect(normaliseIranianMobile(input)).toEqual({ ok: true, e164: `+98${n}` });
        },
      ),
    );
  });

  it('is idempotent: normalising the E.164 result gives the same result', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const first = normaliseIranianMobile(input);
        if (first.ok) expect(normaliseIranianMobile(first.e164)).toEqual(first);
      }),
    );
    fc.assert(
      fc.property(national, (n) => {
        const first = normaliseIranianMobile(n);
        expect(first.ok && normaliseIranianMobile(first.e164)).toEqual(first);
      }),
    );
  });

  it('only ever accepts +98 followed by a 10-digit national number starting with 9', () => {
    const noisy = fc.string({ unit: fc.constantFrom(...'0123456789۰۹٠٩+ -.()9a') });
    fc.assert(
      fc.property(fc.oneof(fc.string(), noisy), (input) => {
        const result = normaliseIranianMobile(input);
        if (result.ok) expect(result.e164).toMatch(/^\+989\d{9}$/);
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('rejects any input containing a letter', () => {
    fc.assert(
      fc.property(national, fc.nat(10), fc.stringMatching(/^[a-zA-Zآ-ی]$/), (n, at, letter) => {
        const input = `0${n}`;
        expect(normaliseIranianMobile(input.slice(0, at) + letter + input.slice(at)).ok).toBe(false);
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['+989121234567', '+98912***4567'],
    ['+989351112233', '+98935***2233'],
    ['+447911123456', '+44791***3456'],
    ['09121234567', '***'],
    ['', '***'],
    ['+98912', '***'],
    ['not a phone', '***'],
  ])('%j → %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('never reveals the middle digits of a normalised mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^9\d{9}$/), (n) => {
        const masked = maskPhone(`+98${n}`);
        expect(masked).toBe(`+98${n.slice(0, 3)}***${n.slice(-4)}`);
        expect(masked).not.toContain(n);
      }),
    );
  });
});
