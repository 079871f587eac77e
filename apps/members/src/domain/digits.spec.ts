import fc from 'fast-check';
import { normaliseDigits } from './digits';

const toScript = (s: string, zero: number) => s.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));

describe('normaliseDigits', () => {
  it.each([
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['0123456789', '0123456789'],
    ['۰۹۱۲-٣٤٥ 67', '0912-345 67'],
    ['کارت ۶۲۸۰', 'کارت 6280'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDigits(input)).toBe(expected);
  });

  it('leaves other digit-like characters alone (fullwidth, Devanagari)', () => {
    expect(normaliseDigits('１２३')).toBe('１２३');
  });

  it('maps Persian and Arabic-Indic renderings of any ASCII digit string back to it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d*$/), (ascii) => {
        expect(normaliseDigits(toScript(ascii, 0x06f0))).toBe(ascii);
        expect(normaliseDigits(toScript(ascii, 0x0660))).toBe(ascii);
      }),
    );
  });

  it('is idempotent and length-preserving on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normaliseDigits(s);
        expect(normaliseDigits(once)).toBe(once);
        expect(once).toHaveLength(s.length);
      }),
    );
  });
});
