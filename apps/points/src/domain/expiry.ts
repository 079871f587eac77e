import {
  addDays,
  addJalaliMonthsClamped,
  addMonthsClamped,
  type CalendarName,
  datePartsIn,
  formatJalali,
  instantAtLocalMidnight,
  isoDateIn,
  localDateOf,
  parseJalaliDate,
  periodDates,
  type PeriodUnit,
} from '@club/calendar';

/**
 * When points activate, expire and are warned about.
 *
 * Expiry has day granularity in the tenant's time zone: a policy names the **last local day**
 * on which the points can be spent, and they expire at the local midnight that ends it (the
 * next day's start, found with the zone's historical rules, e.g. Tehran's DST until 2022). An
 * expiry instant is exclusive: a lot is spendable while `at < expiresAt`.
 */
export type ExpiryPolicy =
  /** Points never expire. */
  | { kind: 'never' }
  /**
   * The last day is the activation's local day plus `n` days or `n` calendar months (`calendar`,
   * default 'gregorian', counts the months; a day the month lacks clamps to its last day: 31 Jan
   * + 1 month is 29/28 Feb, 31 Shahrivar + 1 month is 30 Mehr). With `roundTo`, the points last
   * to the end of the month, quarter or year (of `calendar`) containing that last day.
   */
  | { kind: 'after'; n: number; unit: 'days' | 'months'; calendar?: CalendarName; roundTo?: PeriodUnit }
  /**
   * The last day is the next `month`/`day` of `calendar` on or after the activation's local day;
   * a day the year lacks clamps to the month's end: Esfand 30 is Esfand 29 in a common Jalali
   * year, 29 February is 28 February in a common Gregorian year. Activated on that day itself,
   * points expire that night (an "end of year" programme expires everything at once).
   */
  | { kind: 'fixed-yearly'; month: number; day: number; calendar: CalendarName };

const DAY_MS = 86_400_000;
const SLOT_MS = 15 * 60_000;
/** Entries a memo keeps before it starts afresh. */
const MEMO_LIMIT = 4096;

function assertNonNegativeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

function assertPositiveInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
}

/** The ISO date `n` calendar months after `isoDate`, counted in `calendar`. */
function addMonthsIn(calendar: CalendarName, isoDate: string, n: number): string {
  if (calendar === 'gregorian') return addMonthsClamped(isoDate, n);
  const { jy, jm, jd } = parseJalaliDate(addJalaliMonthsClamped(formatJalali(isoDate), n));
  return isoDateIn('jalali', jy, jm, jd);
}

/** The largest day `month` ever has in `calendar` (Esfand 30, 29 February). */
function maxDayOf(calendar: CalendarName, month: number): number {
  if (calendar === 'jalali') return month <= 6 ? 31 : 30;
  return month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function assertCalendar(calendar: CalendarName): void {
  if (calendar !== 'jalali' && calendar !== 'gregorian') throw new RangeError(`calendar must be jalali or gregorian, got ${String(calendar)}`);
}

/** Throws a RangeError when a policy cannot be applied (checked when a tenant saves it, too). */
export function assertExpiryPolicy(policy: ExpiryPolicy): void {
  switch (policy.kind) {
    case 'never':
      return;
    case 'after':
      assertPositiveInteger(policy.n, 'expiry n');
      if (policy.unit !== 'days' && policy.unit !== 'months') throw new RangeError(`expiry unit must be days or months, got ${String(policy.unit)}`);
      assertCalendar(policy.calendar ?? 'gregorian');
      if (policy.roundTo !== undefined && !['month', 'quarter', 'year'].includes(policy.roundTo)) {
        throw new RangeError(`roundTo must be month, quarter or year, got ${String(policy.roundTo)}`);
      }
      return;
    case 'fixed-yearly':
      assertCalendar(policy.calendar);
      if (!Number.isInteger(policy.month) || policy.month < 1 || policy.month > 12) throw new RangeError(`month must be 1-12, got ${policy.month}`);
      if (!Number.isInteger(policy.day) || policy.day < 1 || policy.day > maxDayOf(policy.calendar, policy.month)) {
        throw new RangeError(`day ${policy.day} never occurs in month ${policy.month} of the ${policy.calendar} calendar`);
      }
  }
}

/** The last local day (ISO date) on which points activated on local day `activated` can be spent. */
function lastDay(activated: string, policy: Exclude<ExpiryPolicy, { kind: 'never' }>): string {
  if (policy.kind === 'fixed-yearly') {
    const [y] = datePartsIn(policy.calendar, activated);
    const thisYear = isoDateIn(policy.calendar, y, policy.month, policy.day);
    return thisYear >= activated ? thisYear : isoDateIn(policy.calendar, y + 1, policy.month, policy.day);
  }
  const calendar = policy.calendar ?? 'gregorian';
  return policy.unit === 'days' ? addDays(activated, policy.n) : addMonthsIn(calendar, activated, policy.n);
}

/**
 * The instant points activated at `activatedAt` expire under `policy` in `timeZone` (exclusive:
 * spendable while `at < expiresAt`), or null when they never do. See {@link ExpiryPolicy}.
 * Throws a RangeError on an invalid policy, Date or zone.
 */
export function expiresAt(activatedAt: Date, policy: ExpiryPolicy, timeZone: string): Date | null {
  assertExpiryPolicy(policy);
  if (policy.kind === 'never') return null;
  const last = lastDay(localDateOf(activatedAt, timeZone), policy);
  const end = policy.kind === 'after' && policy.roundTo ? periodDates(last, policy.roundTo, policy.calendar ?? 'gregorian').end : addDays(last, 1);
  return instantAtLocalMidnight(end, timeZone);
}

/**
 * `expiresAt` for many activation instants at once (an activation batch has thousands of lots,
 * a day's worth sharing one expiry): the result depends only on the instant's local date, so it
 * is computed once per date. The local date of an instant is read once per UTC quarter hour
 * when both ends of the quarter show the same date — every offset and transition of the current
 * zone rules falls on a quarter hour, so a quarter never straddles a local midnight; otherwise
 * (historical local mean times) it is read per instant. Same result as calling `expiresAt`.
 */
export function expiryCalculator(policy: ExpiryPolicy, timeZone: string): (activatedAt: Date) => Date | null {
  if (policy.kind === 'never') return () => null;
  const byDate = new Map<string, Date | null>();
  const slotDate = new Map<number, string | null>();
  const forDate = (date: string, instant: Date): Date | null => {
    if (!byDate.has(date)) {
      if (byDate.size >= MEMO_LIMIT) byDate.clear(); // a long-lived calculator (memoisedExpiresAt) stays small
      byDate.set(date, expiresAt(instant, policy, timeZone));
    }
    return byDate.get(date) ?? null;
  };
  return (activatedAt) => {
    const t = activatedAt.getTime();
    const slot = Math.floor(t / SLOT_MS);
    let date = slotDate.get(slot);
    if (date === undefined) {
      if (slotDate.size >= MEMO_LIMIT) slotDate.clear();
      const first = localDateOf(new Date(slot * SLOT_MS), timeZone);
      date = first === localDateOf(new Date(slot * SLOT_MS + SLOT_MS - 1), timeZone) ? first : null;
      slotDate.set(slot, date);
    }
    return forDate(date ?? localDateOf(activatedAt, timeZone), activatedAt);
  };
}

const calculators = new Map<string, (activatedAt: Date) => Date | null>();

/**
 * `expiresAt` through one {@link expiryCalculator} per policy and zone, kept for the process:
 * every earn credits a lot whose expiry depends only on the policy and the local date, so the
 * till's path reads the zone's rules (Intl) once per quarter hour instead of on every checkout.
 * Same result, and the same RangeError on an invalid policy, Date or zone, as `expiresAt`.
 */
export function memoisedExpiresAt(activatedAt: Date, policy: ExpiryPolicy, timeZone: string): Date | null {
  const key = `${timeZone}\u0000${JSON.stringify(policy)}`;
  let calc = calculators.get(key);
  if (!calc) {
    assertExpiryPolicy(policy);
    if (calculators.size >= MEMO_LIMIT) calculators.clear();
    calc = expiryCalculator(policy, timeZone);
    calculators.set(key, calc);
  }
  const at = calc(activatedAt);
  // A copy: callers own their lot's Date.
  return at === null ? null : new Date(at.getTime());
}

/**
 * When points earned at `earnedAt` become spendable: `pendingDays` × 24 hours later (0: at once),
 * or null when they wait for an explicit accept (`pendingDays` null). The expiry clock starts at
 * activation.
 */
export function activatesAt(earnedAt: Date, pendingDays: number | null): Date | null {
  if (pendingDays === null) return null;
  assertNonNegativeInteger(pendingDays, 'pendingDays');
  return new Date(earnedAt.getTime() + pendingDays * DAY_MS);
}

/**
 * When to warn a member that a lot expires: `warnDaysBefore` × 24 hours before `expiresAt`, or
 * null for points that never expire. The result may already be past (a lot activated close to
 * its expiry): the warning job then sends it at once, and only once per lot.
 */
export function warnAt(expiresAt: Date | null, warnDaysBefore: number): Date | null {
  assertNonNegativeInteger(warnDaysBefore, 'warnDaysBefore');
  return expiresAt === null ? null : new Date(expiresAt.getTime() - warnDaysBefore * DAY_MS);
}
