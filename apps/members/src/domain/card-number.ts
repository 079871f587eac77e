import { normaliseDigits } from './digits';

/** Loyalty card numbers are 16 digits: a prefix, random digits and a Luhn check digit. */
export const CARD_NUMBER_LENGTH = 16;

/** Separators allowed when a card number is typed: whitespace, any dash, invisible format marks. */
const SEPARATORS = /[\s\p{Pd}\p{Cf}]/gu;

const compact = (input: string): string => normaliseDigits(input).replace(SEPARATORS, '');

/**
 * The Luhn (mod 10) check digit for `payload` (ASCII digits): starting from the rightmost
 * payload digit, every second digit is doubled (minus 9 when above 9), and the check digit
 * brings the sum to a multiple of 10. It catches every single-digit error and every
 * transposition of adjacent digits except 09 ↔ 90.
 */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new RangeError('Luhn payload must be a non-empty string of ASCII digits');
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export type CardNumberResult = { ok: true; cardNumber: string } | { ok: false; reason: 'format' | 'check-digit' };

/**
 * Reads a typed or scanned card number (Persian/Arabic digits, spaces and dashes allowed) into
 * its 16 ASCII digits. `format`: not 16 digits; `check-digit`: 16 digits that fail Luhn, i.e.
 * most likely mistyped. Both are client errors (HTTP 400 / gRPC INVALID_ARGUMENT).
 */
export function normaliseCardNumber(input: string): CardNumberResult {
  const s = compact(input);
  if (s.length !== CARD_NUMBER_LENGTH || !/^\d+$/.test(s)) return { ok: false, reason: 'format' };
  if (luhnCheckDigit(s.slice(0, -1)) !== Number(s.slice(-1))) return { ok: false, reason: 'check-digit' };
  return { ok: true, cardNumber: s };
}

export function isValidCardNumber(input: string): boolean {
  return normaliseCardNumber(input).ok;
}

/**
 * Builds a card number: `prefix` + random digits + Luhn check digit (16 digits in all).
 *
 * `randomDigits(n)` must return exactly `n` ASCII digits from a CSPRNG, so card numbers cannot
 * be guessed from one another; the caller (a repository, which owns I/O and randomness) passes
 * e.g. `(n) => Array.from({ length: n }, () => crypto.randomInt(10)).join('')` from `node:crypto`,
 * never `Math.random`. Uniqueness is not guaranteed here: the caller relies on a unique index
 * and retries on a collision.
 */
export function generateCardNumber(randomDigits: (n: number) => string, prefix = '6280'): string {
  if (!/^\d*$/.test(prefix) || prefix.length >= CARD_NUMBER_LENGTH - 1) {
    throw new RangeError(`card prefix must be at most ${CARD_NUMBER_LENGTH - 2} ASCII digits`);
  }
  const n = CARD_NUMBER_LENGTH - 1 - prefix.length;
  const random = randomDigits(n);
  if (random.length !== n || !/^\d+$/.test(random)) {
    throw new RangeError(`randomDigits(${n}) must return exactly ${n} ASCII digits`);
  }
  const payload = prefix + random;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/**
 * Masks a card number for logs and UI, keeping the first and last four digits:
 * `6280123456781234` → `6280********1234`. Input that is not a 16-digit card number is fully
 * masked, so nothing leaks.
 */
export function maskCardNumber(card: string): string {
  const s = compact(card);
  if (s.length !== CARD_NUMBER_LENGTH || !/^\d+$/.test(s)) return '****';
  return `${s.slice(0, 4)}${'*'.repeat(CARD_NUMBER_LENGTH - 8)}${s.slice(-4)}`;
}
