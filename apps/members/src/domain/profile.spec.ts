import fc from 'fast-check';
import { applyPatch, cardPayloads, checkAttribute, EMPTY_PROFILE, parseBirthDate, type AttributeDef } from './profile';

const defs: AttributeDef[] = [
  { key: 'shoe_size', type: 'number' },
  { key: 'vip', type: 'boolean' },
  { key: 'favourite_store', type: 'string' },
  { key: 'wedding_day', type: 'date' },
  { key: 'segment', type: 'enum', options: ['gold', 'silver'] },
];

describe('applyPatch (RFC 7396 over the profile)', () => {
  it('sets, clears and leaves fields, reporting exactly what changed', () => {
    const start = { ...EMPTY_PROFILE, firstName: 'Sara', interests: ['books'] };
    const r = applyPatch(start, { lastName: 'Ahmadi', firstName: null, interests: ['tea', 'tea', 'books'] }, defs);
    expect(r).toMatchObject({ ok: true, changed: ['lastName', 'firstName', 'interests'] });
    if (!r.ok) return;
    expect(r.state).toMatchObject({ firstName: null, lastName: 'Ahmadi', interests: ['tea', 'books'] });
  });

  it('merges attributes key by key and validates each value against its declared type', () => {
    const start = { ...EMPTY_PROFILE, attributes: { vip: true, shoe_size: 41 } };
    const ok = applyPatch(start, { attributes: { vip: null, segment: 'gold', wedding_day: '2020-05-01' } }, defs);
    expect(ok).toMatchObject({ ok: true, changed: ['attributes.vip', 'attributes.segment', 'attributes.wedding_day'] });
    if (ok.ok) expect(ok.state.attributes).toEqual({ shoe_size: 41, segment: 'gold', wedding_day: '2020-05-01' });
    const bad = applyPatch(start, { attributes: { shoe_size: 'big', segment: 'bronze', nickname: 'x', wedding_day: '2020-13-01' } }, defs);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => e.pointer).sort()).toEqual(['#/attributes/nickname', '#/attributes/segment', '#/attributes/shoe_size', '#/attributes/wedding_day']);
    }
  });

  it('changes nothing when the patch repeats the current values (property: idempotent)', () => {
    fc.assert(
      fc.property(
        fc.record({ firstName: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }), interests: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 5 }) }),
        (patch) => {
          const once = applyPatch(EMPTY_PROFILE, patch, defs);
          if (!once.ok) return;
          const twice = applyPatch(once.state, patch, defs);
          expect(twice).toMatchObject({ ok: true, changed: [] });
        },
      ),
    );
  });

  it('refuses to clear the locale', () => {
    expect(applyPatch(EMPTY_PROFILE, { locale: null as unknown as 'fa' }, defs).ok).toBe(false);
  });
});

describe('checkAttribute and card payloads', () => {
  const cases: [AttributeDef | undefined, string | number, string | undefined][] = [
    [{ key: 'a', type: 'number' }, 3.5, undefined],
    [{ key: 'a', type: 'number' }, '3', 'must be a number'],
    [{ key: 'a', type: 'boolean' }, 'yes', 'must be true or false'],
    [undefined, 1, 'attribute "a" is not defined for this club'],
  ];
  it.each(cases)('%o %p → %p', (def, value, expected) => {
    expect(checkAttribute(def, 'a', value)).toBe(expected);
  });

  it('puts the number in the barcode and a typed URI in the QR', () => {
    expect(cardPayloads('7091000000000007')).toEqual({ barcode: '7091000000000007', qr: 'club:card:7091000000000007' });
  });
});

describe('parseBirthDate', () => {
  const today = '2026-11-23';
  it.each([
    ['1375-06-21', 'jalali', '1996-09-11'],
    ['۱۳۷۵/۶/۲۱', 'jalali', '1996-09-11'],
    ['1996-09-11', 'jalali', '1996-09-11'], // a Gregorian date sent to a Jalali club
    ['1996-09-11', 'gregorian', '1996-09-11'],
    ['1375-06-21', 'gregorian', '1996-09-11'], // a Jalali date sent to a Gregorian club
  ] as const)('%s in a %s club → %s', (input, calendar, iso) => {
    expect(parseBirthDate(input, calendar, today)).toEqual({ ok: true, iso });
  });

  it('takes an explicit calendar as given and rejects impossible or implausible dates', () => {
    expect(parseBirthDate({ calendar: 'jalali', date: '1399-12-30' }, 'gregorian', today)).toEqual({ ok: true, iso: '2021-03-20' });
    expect(parseBirthDate({ calendar: 'jalali', date: '1400-12-30' }, 'jalali', today)).toMatchObject({ ok: false });
    expect(parseBirthDate('2030-01-01', 'gregorian', today)).toEqual({ ok: false, reason: 'a birth date cannot be in the future' });
    expect(parseBirthDate('1850-01-01', 'gregorian', today)).toMatchObject({ ok: false });
  });
});
