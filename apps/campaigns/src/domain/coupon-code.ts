/**
 * Coupon codes: an optional prefix and 10 random characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), ending in a check character, so a mistyped code is told
 * apart from an unknown one. The alphabet has 23 symbols, a prime, so the position-weighted check
 * catches every single wrong character and every swap of two adjacent ones. 10 random characters from 23 symbols are
 * ~45 bits: guessing one valid code among a million needs ~40 million attempts on average, and the
 * gateway rate-limits lookups.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const RANDOM_LENGTH = 10;

/** The check character: Σ value × position (1-based) modulo 23 over the body. */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = CODE_ALPHABET.indexOf(body[i]);
    if (v < 0) throw new RangeError(`${JSON.stringify(body[i])} is not a code character`);
    sum += v * (i + 1);
  }
  return CODE_ALPHABET[sum % CODE_ALPHABET.length];
}

/** A new code from `random` (indices into the alphabet, e.g. from a CSPRNG). */
export function makeCode(prefix: string, random: readonly number[]): string {
  if (random.length !== RANDOM_LENGTH || random.some((r) => !Number.isInteger(r) || r < 0 || r >= CODE_ALPHABET.length)) {
    throw new RangeError(`random must be ${RANDOM_LENGTH} indices into the alphabet`);
  }
  const body = random.map((r) => CODE_ALPHABET[r]).join('');
  return `${prefix}${body}${checkCharacter(body)}`;
}

export type CodeRead = { ok: true; code: string } | { ok: false; reason: 'format' | 'check' };

/** Up to 8 capitals or digits printed before the random part. */
export const PREFIX = /^[A-Z0-9]{0,8}$/;

/**
 * Reads a typed or scanned code: case, spaces and dashes ignored; Persian/Arabic digits read as
 * ASCII. `format`: not a code of this shape; `check`: the check character does not match
 * (most likely mistyped: a 400, not a 404). The prefix is whatever precedes the last 11
 * characters.
 */
export function readCode(input: string): CodeRead {
  const s = input
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\s\p{Pd}]/gu, '')
    .toUpperCase();
  const tail = RANDOM_LENGTH + 1;
  if (s.length < tail || !PREFIX.test(s.slice(0, s.length - tail))) return { ok: false, reason: 'format' };
  const body = s.slice(s.length - tail, s.length - 1);
  if ([...body, s[s.length - 1]].some((c) => !CODE_ALPHABET.includes(c))) return { ok: false, reason: 'format' };
  return checkCharacter(body) === s[s.length - 1] ? { ok: true, code: s } : { ok: false, reason: 'check' };
}

/** Why a coupon cannot be used now, or null when it can. */
export type CouponRefusal = 'not-yet-valid' | 'expired' | 'used-up' | 'member-limit' | 'inactive';

export interface CouponState {
  readonly active: boolean;
  readonly validFrom: Date | null;
  readonly validUntil: Date | null;
  /** Uses so far / allowed (null = unlimited). */
  readonly uses: number;
  readonly maxUses: number | null;
  /** This member's uses of the batch so far / allowed (null = unlimited). */
  readonly memberUses: number;
  readonly perMemberLimit: number | null;
}

export function refusal(c: CouponState, at: Date): CouponRefusal | null {
  if (!c.active) return 'inactive';
  if (c.validFrom !== null && at.getTime() < c.validFrom.getTime()) return 'not-yet-valid';
  if (c.validUntil !== null && at.getTime() >= c.validUntil.getTime()) return 'expired';
  if (c.maxUses !== null && c.uses >= c.maxUses) return 'used-up';
  if (c.perMemberLimit !== null && c.memberUses >= c.perMemberLimit) return 'member-limit';
  return null;
}
