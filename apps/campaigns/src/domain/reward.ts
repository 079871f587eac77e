/**
 * Rewards: whether a unit can be reserved, the redemption saga's transitions and what each one
 * does to the reward's counters. Pure: the service asks, the repository writes.
 */

export type RewardRefusal = 'archived' | 'not-yet-valid' | 'expired' | 'out-of-stock' | 'member-limit';

export interface RewardTerms {
  readonly status: 'active' | 'archived';
  /** Units left; null = unlimited. */
  readonly stock: number | null;
  readonly perMemberLimit: number | null;
  readonly validFrom: Date | null;
  /** Exclusive. */
  readonly validUntil: Date | null;
}

/**
 * Why a member cannot reserve a unit now, or null. `memberUses` is the member's redemptions of
 * the reward that hold a unit or got one (null when no member is in question: availability).
 * The order is the one a member is told: archived, not yet / no longer valid, out of stock, limit.
 */
export function rewardRefusal(r: RewardTerms, now: Date, memberUses: number | null): RewardRefusal | null {
  if (r.status === 'archived') return 'archived';
  if (r.validFrom !== null && now.getTime() < r.validFrom.getTime()) return 'not-yet-valid';
  if (r.validUntil !== null && now.getTime() >= r.validUntil.getTime()) return 'expired';
  if (r.stock !== null && r.stock <= 0) return 'out-of-stock';
  if (memberUses !== null && r.perMemberLimit !== null && memberUses >= r.perMemberLimit) return 'member-limit';
  return null;
}

export const REFUSAL_TEXT: Record<RewardRefusal, string> = {
  archived: 'the reward is archived',
  'not-yet-valid': 'the reward cannot be redeemed yet',
  expired: 'the reward can no longer be redeemed',
  'out-of-stock': 'the reward is out of stock',
  'member-limit': 'the member has reached the reward’s per-member limit',
};

export type RedemptionStatus = 'reserved' | 'held' | 'fulfilled' | 'released';

/**
 * A step of the saga: `hold` (the points are held), `fulfil` (captured), `release` (points
 * refused, or the hold ended uncaptured), `time-out` (the sweep: still only reserved).
 */
export type RedemptionStep = 'hold' | 'fulfil' | 'release' | 'time-out';

export type Transition =
  | { readonly kind: 'move'; readonly to: Exclude<RedemptionStatus, 'reserved'> }
  /** Nothing to do: already there, or a state the step does not apply to that the caller reads (e.g. released by the sweep). */
  | { readonly kind: 'stay' }
  | { readonly kind: 'refuse'; readonly reason: string };

/**
 * Every step is idempotent: asking again for where the redemption already is changes nothing.
 * A released redemption stays released whatever comes later (the caller reads its status); a
 * fulfilled one can never be released, and a reserved one cannot be fulfilled before its points
 * are held.
 */
export function transition(from: RedemptionStatus, step: RedemptionStep): Transition {
  switch (step) {
    case 'hold':
      return from === 'reserved' ? { kind: 'move', to: 'held' } : { kind: 'stay' };
    case 'fulfil':
      if (from === 'held') return { kind: 'move', to: 'fulfilled' };
      if (from === 'reserved') return { kind: 'refuse', reason: 'the points are not held yet' };
      return { kind: 'stay' };
    case 'release':
      if (from === 'reserved' || from === 'held') return { kind: 'move', to: 'released' };
      if (from === 'fulfilled') return { kind: 'refuse', reason: 'the redemption is fulfilled' };
      return { kind: 'stay' };
    case 'time-out':
      return from === 'reserved' ? { kind: 'move', to: 'released' } : { kind: 'stay' };
  }
}

/** What a move does to the reward's counters: stock (when limited), units in flight, units redeemed. */
export interface CounterDelta {
  readonly stock: number;
  readonly reserved: number;
  readonly redeemed: number;
}

export const RESERVE_DELTA: CounterDelta = { stock: -1, reserved: 1, redeemed: 0 };

export function counterDelta(to: RedemptionStatus): CounterDelta {
  switch (to) {
    case 'reserved':
      return RESERVE_DELTA;
    case 'held':
      return { stock: 0, reserved: 0, redeemed: 0 };
    case 'fulfilled':
      return { stock: 0, reserved: -1, redeemed: 1 };
    case 'released':
      return { stock: 1, reserved: -1, redeemed: 0 };
  }
}

/** The half-open validity window is well formed (both ends given: the end after the start). */
export function windowIsValid(validFrom: Date | null, validUntil: Date | null): boolean {
  return validFrom === null || validUntil === null || validUntil.getTime() > validFrom.getTime();
}
