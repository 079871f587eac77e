import { localDateTimeOf } from '@club/calendar';
import { addEntry, type Balances, type Entry } from './ledger-model';
import { allocate, type Allocation, type Lot, spendableTotal } from './lots';

/**
 * Pure helpers of the ledger jobs (activation, expiry, warnings, the hold sweep): what the bulk
 * SQL needs computed in TypeScript, with the same semantics as the reference model
 * (`ledger-model.ts`: `activate`, `expire`, `endHold`/`giveBack`, `settleDebt`).
 */

const DAY_MS = 86_400_000;

/** `expiresAt` for a batch's activation instants (in `expiry.ts`: the till's earn uses it too). */
export { expiryCalculator } from './expiry';

/** The tenant-local date whose daily jobs are due at `now` (from `hour` local time on), or null before that hour. */
export function dailyJobDate(now: Date, timeZone: string, hour: number): string | null {
  const local = localDateTimeOf(now, timeZone);
  return local.hour >= hour ? local.date : null;
}

/** The hold sweep's slot containing `now` (its start, ISO): one sweep per tenant and slot. */
export function holdSweepSlot(now: Date, intervalMs: number): string {
  if (!Number.isSafeInteger(intervalMs) || intervalMs <= 0) throw new RangeError('intervalMs must be a positive integer');
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs).toISOString();
}

/**
 * The warning window at `at`: lots expiring after `at` and no later than the returned instant
 * are warned about (`warnAt(expiresAt, days) <= at`); null when warnings are off (0 days).
 */
export function warnUntil(at: Date, warnDaysBefore: number): Date | null {
  if (!Number.isSafeInteger(warnDaysBefore) || warnDaysBefore < 0) throw new RangeError('warnDaysBefore must be a non-negative integer');
  return warnDaysBefore === 0 ? null : new Date(at.getTime() + warnDaysBefore * DAY_MS);
}

/**
 * What pays off a member's debt at `at` (the model's `settleDebt`): the spendable lots soonest-
 * expiring first, up to the debt. Empty when there is no debt or nothing spendable.
 */
export function debtSettlement(lots: readonly Lot[], debt: number, at: Date): Allocation[] {
  const points = Math.min(debt, spendableTotal(lots, at));
  if (points <= 0) return [];
  const result = allocate(lots, points, at);
  if (!result.ok) throw new Error('settlement beyond the spendable points');
  return result.allocations;
}

/**
 * The running balance after each of a member's entries (for `points.ledger-entry.created.v1`),
 * given the balance after all of them: the entries are undone from the end to find the balance
 * before the first, then applied in order. Memo entries (no places) leave it unchanged.
 */
export function runningBalancesBackFrom(after: Balances, entries: readonly Pick<Entry, 'points' | 'from' | 'to'>[]): Balances[] {
  const undo = (b: Balances, e: Pick<Entry, 'points' | 'from' | 'to'>) => addEntry(b, { ...asEntry(e), from: e.to, to: e.from });
  let b = entries.reduceRight(undo, after);
  return entries.map((e) => (b = addEntry(b, asEntry(e))));
}

function asEntry(e: Pick<Entry, 'points' | 'from' | 'to'>): Entry {
  return { id: '', operation: '', kind: 'settle', lotId: null, at: new Date(0), ...e };
}
