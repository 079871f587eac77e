import fc from 'fast-check';
import { dayNumberToGregorian, gregorianToDayNumber, parseIsoDate } from './jalali';

/** Shared by the calendar specs (not exported from the library). */
export const TEHRAN = 'Asia/Tehran';
export const BERLIN = 'Europe/Berlin';
export const at = (iso: string) => new Date(iso);
export const ms = (d: Date) => d.getTime();
export const justBefore = (d: Date) => new Date(d.getTime() - 1);
export const isoOfDay = (day: number) => {
  const { gy, gm, gd } = dayNumberToGregorian(day);
  return `${gy}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`;
};
export const dayOf = (iso: string) => {
  const { gy, gm, gd } = parseIsoDate(iso);
  return gregorianToDayNumber(gy, gm, gd);
};

/** Zones with the awkward cases: midnight gaps, half-hour offsets and DST, a skipped day, the far east and west. */
export const ZONES = [
  TEHRAN,
  BERLIN,
  'UTC',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
export const zone = fc.constantFrom(...ZONES);
export const instant = fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t));
export const isoDate = fc.integer({ min: dayOf('1975-01-01'), max: dayOf('2090-01-01') }).map(isoOfDay);
