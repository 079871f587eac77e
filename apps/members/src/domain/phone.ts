import { normaliseDigits } from './digits';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * What people put between the digits of a phone number: whitespace (incl. NBSP), any dash
 * (‐ – — as well as -), dots, parentheses, and invisible format characters (\p{Cf}: the
 * LRM/RLM and ZWNJ marks that text copied from Persian/RTL UIs carries).
 */
const SEPARATORS = /[\s\p{Pd}\p{Cf}.()]/gu;

const fail = (reason: string): PhoneResult => ({ ok: false, reason });

/**
 * Normalises an Iranian mobile number to E.164 (`+989121234567`).
 *
 * Accepted forms (with Latin, Persian or Arabic digits and any of the separators above):
 * `09121234567`, `+989121234567`, `00989121234567`, `989121234567`, `9121234567`, and the
 * international form with the trunk zero kept, `+98 (0)912 123 4567`.
 * The national number must be 10 digits starting with 9; landlines and other countries are
 * rejected with a short English reason fit for an API validation error.
 */
export function normaliseIranianMobile(input: string): PhoneResult {
  const s = normaliseDigits(input).replace(SEPARATORS, '');
  if (s === '') return fail('phone number is empty');
  if (!/^\+?\d+$/.test(s)) return fail('phone number may contain only digits, spaces, dashes, dots, parentheses and a leading +');

  let national = s;
  const international = s.startsWith('+') ? s.slice(1) : s.startsWith('00') ? s.slice(2) : null;
  if (international !== null) {
    if (!international.startsWith('98')) return fail('only Iranian mobile numbers (+98) are accepted');
    national = international.slice(2);
  } else if (s.length === 12 && s.startsWith('98')) {
    // Country code without + or 00. A 10-digit national number cannot be 12 digits long,
    // so this does not clash with mobiles whose national number itself starts with 98.
    national = s.slice(2);
  }
  if (national.startsWith('0')) national = national.slice(1); // trunk prefix: 0912… or +98 (0)912…

  if (national !== '' && !national.startsWith('9')) {
    return fail('not a mobile number: Iranian mobile numbers start with 09 (landlines are not accepted)');
  }
  if (national.length !== 10) return fail('wrong length: an Iranian mobile number has 11 digits, as in 0912 123 4567');
  return { ok: true, e164: `+98${national}` };
}

/**
 * Masks an E.164 number for logs and UI: keeps the country and operator code and the last four
 * digits, `+989121234567` → `+98912***4567`. Anything that is not E.164-shaped is fully masked,
 * so a raw or malformed number can never leak through this function.
 */
export function maskPhone(e164: string): string {
  if (!/^\+\d{11,15}$/.test(e164)) return '***';
  return `${e164.slice(0, 6)}${'*'.repeat(e164.length - 10)}${e164.slice(-4)}`;
}
