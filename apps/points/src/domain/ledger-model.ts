import { activatesAt, memoisedExpiresAt, type ExpiryPolicy } from './expiry';
import {
  allocate,
  type Allocation,
  debitLots,
  dueForActivation,
  dueForExpiry,
  type Lot,
  outstanding,
  pickRefund,
  restore,
  spendableTotal,
  sumPoints,
} from './lots';
import {
  type CheckoutLine,
  type LineReturn,
  lineAmount,
  type NegativeBalancePolicy,
  planReturn,
  recordLines,
  type RecordedLine,
  type ReturnError,
  type ReturnPlan,
  type ReturnRequest,
  splitReversal,
} from './returns';

/**
 * A pure reference model of one member's points account: the oracle the Postgres ledger is
 * compared against in property tests. It is deliberately simple (whole-state copies, linear
 * scans) and defines the semantics; the service must agree with it entry for entry.
 *
 * Every change is an append-only {@link Entry} moving whole points between places: `outside`
 * (the world: credits come from it, reversals and negative adjustments go back to it) and the
 * balance buckets. The balances are those buckets' sums, so
 * `lifetimeEarned = available + pending + held + spent + expired` always holds, and
 * `lifetimeEarned` is the net of everything credited (earnings and positive adjustments, minus
 * reversals and negative adjustments).
 *
 * Spends, holds, expiries and reversals are allocated against lots soonest-expiring first
 * (lots.ts). A hold keeps its lots' points even if a lot expires meanwhile: capture spends them;
 * release or the hold's own expiry gives them back, as expired points if their lot has expired.
 * A return first refunds redeemed points (to the lots they came from, latest-expiring first;
 * expired ones as expired), then takes back earned points by the tenant's negative-balance
 * policy (returns.ts). A negative balance (allow-negative) is a debt, paid off from the next
 * spendable points (`settle` memo entries) without changing the available figure.
 *
 * Operations are idempotent by (kind, id): the transaction id for `earn`, the redemption id for
 * `hold`/`redeem`/`capture`/`release`, the return id, the adjustment id, the job run id for
 * `activate`/`expire`. The first outcome is recorded, business rejections included
 * (insufficient points, not held …); replaying the same operation returns it and changes
 * nothing; the same key with a different payload is a `conflict` and changes nothing. `at` is
 * the server's clock when an operation is applied, not part of the payload, so a retry at a later
 * time is a replay. A malformed operation (`invalid`) is not recorded: it is rejected the same
 * way every time.
 */

export type Bucket = 'pending' | 'available' | 'held' | 'spent' | 'expired';
export type Place = Bucket | 'outside';

export type EntryKind =
  | 'earn'
  | 'activate'
  | 'hold'
  | 'capture'
  | 'release'
  | 'redeem'
  | 'refund'
  | 'expire'
  | 'reverse'
  | 'adjust'
  /** Memo (no movement): reversed points the policy forgave. */
  | 'forgive'
  /** Memo (no movement): a lot's points paying off a negative balance. */
  | 'settle';

export interface Entry {
  /** `<operation key>#<n>`. */
  readonly id: string;
  /** `<kind>:<id>` of the operation that wrote it. */
  readonly operation: string;
  readonly kind: EntryKind;
  /** Always positive. */
  readonly points: number;
  /** Both null for the memo kinds. */
  readonly from: Place | null;
  readonly to: Place | null;
  /** The lot the points come from or go to; null for a debt (a reversal beyond the lots) and a forgiven part. */
  readonly lotId: string | null;
  readonly at: Date;
}

/** Every figure is the sum of the entries into a bucket minus those out of it. */
export interface Balances {
  /** Spendable (including lots past their expiry that the expire job has not recorded yet); negative only under allow-negative. */
  readonly available: number;
  /** Earned, not yet activated. */
  readonly pending: number;
  /** Reserved by open holds. */
  readonly held: number;
  /** Net credited: earnings and positive adjustments minus reversals and negative adjustments. */
  readonly lifetimeEarned: number;
  /** Redeemed or captured, net of refunds. */
  readonly spent: number;
  readonly expired: number;
}

export type RedemptionStatus = 'held' | 'captured' | 'released' | 'expired';

export interface Redemption {
  readonly id: string;
  readonly points: number;
  readonly allocations: readonly Allocation[];
  readonly status: RedemptionStatus;
  readonly holdExpiresAt: Date | null;
  /** What returns gave back so far. */
  readonly refunded: readonly Allocation[];
}

export interface CheckoutRecord {
  readonly transactionId: string;
  readonly lotId: string | null;
  readonly lines: readonly RecordedLine[];
  /** The redemption paying part of the checkout (`checkout:<transactionId>`), if any. */
  readonly redemptionId: string | null;
  readonly returns: readonly LineReturn[];
  readonly pointsEarned: number;
  /** Earned points reversed by returns so far, forgiven parts included. */
  readonly pointsReversed: number;
  readonly pointsRefunded: number;
}

export interface LedgerConfig {
  readonly timeZone: string;
  readonly expiry: ExpiryPolicy;
  /** Days earned points stay pending; 0: active at once; null: until an explicit accept. */
  readonly pendingDays: number | null;
  readonly negativeBalance: NegativeBalancePolicy;
}

export type Operation =
  /** A checkout: credits `points` (attributed to `lines`) and, first, spends `redeemPoints`; all or nothing. */
  | { readonly kind: 'earn'; readonly id: string; readonly at: Date; readonly points: number; readonly lines: readonly CheckoutLine[]; readonly redeemPoints?: number }
  /** The hold expires `ttlMs` after it is made: capturable while `at < made + ttlMs`, then released by `expire`. */
  | { readonly kind: 'hold'; readonly id: string; readonly at: Date; readonly points: number; readonly ttlMs: number }
  /** `id` is the redemption id. */
  | { readonly kind: 'capture'; readonly id: string; readonly at: Date }
  /** `id` is the redemption id. */
  | { readonly kind: 'release'; readonly id: string; readonly at: Date }
  | { readonly kind: 'redeem'; readonly id: string; readonly at: Date; readonly points: number }
  | { readonly kind: 'return'; readonly id: string; readonly at: Date; readonly transactionId: string; readonly request: ReturnRequest }
  /** Positive: a new active lot; negative: taken soonest-expiring first, never beyond the available points. */
  | { readonly kind: 'adjust'; readonly id: string; readonly at: Date; readonly points: number; readonly reason: string; readonly operator: string }
  /** Activates the pending lots due at `at` (from their activatesAt), or accepts one checkout's lot now. */
  | { readonly kind: 'activate'; readonly id: string; readonly at: Date; readonly transactionId?: string }
  /** Expires the lots and holds due at `at`. */
  | { readonly kind: 'expire'; readonly id: string; readonly at: Date };

export type LedgerError =
  | { readonly code: 'invalid'; readonly reason: string }
  | { readonly code: 'conflict' }
  | { readonly code: 'insufficient-points'; readonly shortfall: number }
  | { readonly code: 'unknown-redemption' }
  | { readonly code: 'not-held'; readonly status: RedemptionStatus }
  | { readonly code: 'hold-expired' }
  | { readonly code: 'unknown-checkout' }
  | { readonly code: 'return-rejected'; readonly error: ReturnError };

export type OperationResult =
  | { readonly ok: true; readonly entries: readonly Entry[]; readonly balances: Balances; readonly plan?: ReturnPlan }
  | { readonly ok: false; readonly error: LedgerError };

export interface Account {
  readonly lots: readonly Lot[];
  readonly redemptions: Readonly<Record<string, Redemption>>;
  readonly checkouts: Readonly<Record<string, CheckoutRecord>>;
  readonly entries: readonly Entry[];
  /** Cached, updated with every entry; always equal to {@link balancesOf}(entries). */
  readonly balances: Balances;
  /** Points taken beyond the lots (allow-negative); later credits pay it off first. */
  readonly debt: number;
  /** Outcome per operation key `<kind>:<id>`, with the canonical payload it answered. */
  readonly applied: Readonly<Record<string, { readonly payload: string; readonly result: OperationResult }>>;
}

const ZERO: Balances = { available: 0, pending: 0, held: 0, lifetimeEarned: 0, spent: 0, expired: 0 };

export function emptyAccount(): Account {
  return { lots: [], redemptions: {}, checkouts: {}, entries: [], balances: ZERO, debt: 0, applied: {} };
}

/** The balances after one more entry. */
export function addEntry(b: Balances, e: Entry): Balances {
  const next: Record<keyof Balances, number> = { ...b };
  const move = (place: Place | null, sign: number) => {
    if (place === 'outside') next.lifetimeEarned -= sign * e.points;
    else if (place !== null) next[place] += sign * e.points;
  };
  move(e.from, -1);
  move(e.to, 1);
  return next;
}

/** The balances as the sum of the entries. */
export function balancesOf(entries: readonly Entry[]): Balances {
  return entries.reduce(addEntry, ZERO);
}

/** A lot's remaining points as the sum of its entries (debits, credits and settlements). */
export function lotRemainingOf(entries: readonly Entry[], lotId: string): number {
  const inLot = (p: Place | null) => p === 'pending' || p === 'available';
  return entries
    .filter((e) => e.lotId === lotId)
    .reduce((sum, e) => sum + (inLot(e.to) ? e.points : 0) - (inLot(e.from) ? e.points : 0) - (e.kind === 'settle' ? e.points : 0), 0);
}

/** JSON with sorted keys: the payload an operation key is bound to. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

// ---------------------------------------------------------------------------------------------
// Working state of one operation.

type Draft = {
  -readonly [K in keyof Account]: Account[K];
} & { key: string; at: Date; written: Entry[] };

function write(d: Draft, kind: EntryKind, points: number, from: Place | null, to: Place | null, lotId: string | null): void {
  if (points <= 0) return;
  const entry: Entry = { id: `${d.key}#${d.written.length + 1}`, operation: d.key, kind, points, from, to, lotId, at: d.at };
  d.written.push(entry);
  d.balances = addEntry(d.balances, entry);
}

function lotOf(d: Draft, lotId: string): Lot {
  const lot = d.lots.find((l) => l.id === lotId);
  if (!lot) throw new Error(`model bug: lot ${lotId} missing`);
  return lot;
}

function setLot(d: Draft, lot: Lot): void {
  d.lots = d.lots.map((l) => (l.id === lot.id ? lot : l));
}

/** Points that can be spent now: the spendable lots minus any debt. */
function spendableNow(d: Draft, lots: readonly Lot[] = d.lots): number {
  return spendableTotal(lots, d.at) - d.debt;
}

/** Takes `points` soonest-expiring first, writing one `kind` entry per lot; an error if not enough. */
function take(d: Draft, points: number, kind: EntryKind, to: Place): Allocation[] | LedgerError {
  const shortfall = points - Math.max(0, spendableNow(d));
  if (shortfall > 0) return { code: 'insufficient-points', shortfall };
  const result = allocate(d.lots, points, d.at);
  if (!result.ok) throw new Error('model bug: allocation failed within the spendable points');
  d.lots = debitLots(d.lots, result.allocations);
  result.allocations.forEach((a) => write(d, kind, a.points, 'available', to, a.lotId));
  return result.allocations;
}

/**
 * Gives allocations back from `from` (held or spent): to the lot when it is unexpired, else
 * credited and expired at once (an `expire` entry follows).
 */
function giveBack(d: Draft, allocations: readonly Allocation[], kind: EntryKind, from: Place): void {
  const { lots, restorations } = restore(d.lots, allocations, d.at);
  d.lots = lots;
  for (const r of restorations) {
    write(d, kind, r.points, from, 'available', r.lotId);
    if (r.expired) write(d, 'expire', r.points, 'available', 'expired', r.lotId);
  }
}

/** A new lot credited from outside: pending, or active at `activated` with its expiry. */
function credit(d: Draft, cfg: LedgerConfig, id: string, points: number, kind: EntryKind, activated: Date | null): string {
  const active = activated !== null && activated.getTime() <= d.at.getTime();
  const lot: Lot = {
    id,
    points,
    remaining: points,
    status: active ? 'active' : 'pending',
    activatesAt: activated,
    expiresAt: active ? memoisedExpiresAt(activated, cfg.expiry, cfg.timeZone) : null,
    earnedAt: d.at,
  };
  d.lots = [...d.lots, lot];
  write(d, kind, points, 'outside', active ? 'available' : 'pending', id);
  return id;
}

function activateLot(d: Draft, cfg: LedgerConfig, lot: Lot, activated: Date): void {
  setLot(d, { ...lot, status: 'active', expiresAt: memoisedExpiresAt(activated, cfg.expiry, cfg.timeZone) });
  write(d, 'activate', lot.remaining, 'pending', 'available', lot.id);
}

/** Pays off debt from the spendable lots (memo entries: the available balance does not change). */
function settleDebt(d: Draft): void {
  const points = Math.min(d.debt, spendableTotal(d.lots, d.at));
  if (points <= 0) return;
  const result = allocate(d.lots, points, d.at);
  if (!result.ok) throw new Error('model bug: settlement failed');
  d.lots = debitLots(d.lots, result.allocations);
  d.debt -= points;
  result.allocations.forEach((a) => write(d, 'settle', a.points, null, null, a.lotId));
}

// ---------------------------------------------------------------------------------------------
// Operations. Each returns an error (the draft is then discarded) or nothing (or a return plan).

type Outcome = LedgerError | undefined | { plan: ReturnPlan };

function earn(d: Draft, cfg: LedgerConfig, op: Extract<Operation, { kind: 'earn' }>): Outcome {
  const redeemPoints = op.redeemPoints ?? 0;
  let redemptionId: string | null = null;
  if (redeemPoints > 0) {
    const taken = take(d, redeemPoints, 'redeem', 'spent');
    if (!Array.isArray(taken)) return taken;
    redemptionId = `checkout:${op.id}`;
    d.redemptions = { ...d.redemptions, [redemptionId]: { id: redemptionId, points: redeemPoints, allocations: taken, status: 'captured', holdExpiresAt: null, refunded: [] } };
  }
  const lotId = op.points > 0 ? credit(d, cfg, `lot:${op.id}`, op.points, 'earn', activatesAt(op.at, cfg.pendingDays)) : null;
  const checkout: CheckoutRecord = {
    transactionId: op.id,
    lotId,
    lines: recordLines(op.lines, op.points, redeemPoints),
    redemptionId,
    returns: [],
    pointsEarned: op.points,
    pointsReversed: 0,
    pointsRefunded: 0,
  };
  d.checkouts = { ...d.checkouts, [op.id]: checkout };
  return undefined;
}

function hold(d: Draft, op: Extract<Operation, { kind: 'hold' | 'redeem' }>): Outcome {
  if (d.redemptions[op.id]) return { code: 'conflict' };
  const held = op.kind === 'hold';
  const taken = take(d, op.points, held ? 'hold' : 'redeem', held ? 'held' : 'spent');
  if (!Array.isArray(taken)) return taken;
  const redemption: Redemption = {
    id: op.id,
    points: op.points,
    allocations: taken,
    status: held ? 'held' : 'captured',
    holdExpiresAt: held ? new Date(op.at.getTime() + op.ttlMs) : null,
    refunded: [],
  };
  d.redemptions = { ...d.redemptions, [op.id]: redemption };
  return undefined;
}

function heldRedemption(d: Draft, id: string): Redemption | LedgerError {
  const r = d.redemptions[id];
  if (!r) return { code: 'unknown-redemption' };
  return r.status === 'held' ? r : { code: 'not-held', status: r.status };
}

function capture(d: Draft, op: Extract<Operation, { kind: 'capture' }>): Outcome {
  const r = heldRedemption(d, op.id);
  if ('code' in r) return r;
  if (r.holdExpiresAt !== null && r.holdExpiresAt.getTime() <= op.at.getTime()) return { code: 'hold-expired' };
  r.allocations.forEach((a) => write(d, 'capture', a.points, 'held', 'spent', a.lotId));
  d.redemptions = { ...d.redemptions, [r.id]: { ...r, status: 'captured' } };
  return undefined;
}

function endHold(d: Draft, r: Redemption, status: 'released' | 'expired'): void {
  giveBack(d, r.allocations, 'release', 'held');
  d.redemptions = { ...d.redemptions, [r.id]: { ...r, status } };
}

function release(d: Draft, op: Extract<Operation, { kind: 'release' }>): Outcome {
  const r = heldRedemption(d, op.id);
  if ('code' in r) return r;
  endHold(d, r, 'released');
  return undefined;
}

/** Gives back redeemed points a return refunds: the latest-taken lots first. */
function refund(d: Draft, checkout: CheckoutRecord, points: number): void {
  if (points === 0 || checkout.redemptionId === null) return;
  const r = d.redemptions[checkout.redemptionId];
  const picked = pickRefund(outstanding(r.allocations, r.refunded), points);
  if (!picked.ok) throw new Error('model bug: refund beyond the redemption');
  giveBack(d, picked.allocations, 'refund', 'spent');
  d.redemptions = { ...d.redemptions, [r.id]: { ...r, refunded: [...r.refunded, ...picked.allocations] } };
}

/** Takes back earned points by the negative-balance policy. */
function reverse(d: Draft, cfg: LedgerConfig, checkout: CheckoutRecord, points: number): void {
  if (points === 0) return;
  const lot = checkout.lotId === null ? null : lotOf(d, checkout.lotId);
  const others = d.lots.filter((l) => l.id !== checkout.lotId);
  const split = splitReversal(
    points,
    { lotStatus: lot?.status ?? 'active', lotRemaining: lot?.remaining ?? 0, otherAvailable: spendableNow(d, others) },
    cfg.negativeBalance,
  );
  if (lot && split.fromLot > 0) {
    setLot(d, { ...lot, remaining: lot.remaining - split.fromLot });
    write(d, 'reverse', split.fromLot, lot.status === 'pending' ? 'pending' : 'available', 'outside', lot.id);
  }
  if (split.fromOtherAvailable > 0) {
    const result = allocate(others, split.fromOtherAvailable, d.at);
    if (!result.ok) throw new Error('model bug: reversal beyond the other available points');
    d.lots = debitLots(d.lots, result.allocations);
    result.allocations.forEach((a) => write(d, 'reverse', a.points, 'available', 'outside', a.lotId));
  }
  write(d, 'reverse', split.negative, 'available', 'outside', null);
  d.debt += split.negative;
  write(d, 'forgive', split.forgiven, null, null, null);
}

function applyReturn(d: Draft, cfg: LedgerConfig, op: Extract<Operation, { kind: 'return' }>): Outcome {
  const checkout = d.checkouts[op.transactionId];
  if (!checkout) return { code: 'unknown-checkout' };
  const planned = planReturn(checkout.lines, checkout.returns, op.request);
  if (!planned.ok) return { code: 'return-rejected', error: planned.error };
  const { plan } = planned;
  // Refund first, so a within-balance reversal may take back the refunded points.
  refund(d, checkout, plan.pointsRefunded);
  reverse(d, cfg, checkout, plan.pointsReversed);
  d.checkouts = {
    ...d.checkouts,
    [checkout.transactionId]: {
      ...checkout,
      returns: [...checkout.returns, ...plan.lines.map(({ line, quantity, amount }) => ({ line, quantity, amount }))],
      pointsReversed: checkout.pointsReversed + plan.pointsReversed,
      pointsRefunded: checkout.pointsRefunded + plan.pointsRefunded,
    },
  };
  return { plan };
}

function adjust(d: Draft, cfg: LedgerConfig, op: Extract<Operation, { kind: 'adjust' }>): Outcome {
  if (op.points > 0) {
    credit(d, cfg, `lot:adjust:${op.id}`, op.points, 'adjust', op.at);
    return undefined;
  }
  const taken = take(d, -op.points, 'adjust', 'outside');
  return Array.isArray(taken) ? undefined : taken;
}

function activate(d: Draft, cfg: LedgerConfig, op: Extract<Operation, { kind: 'activate' }>): Outcome {
  if (op.transactionId === undefined) {
    for (const lot of dueForActivation(d.lots, op.at)) activateLot(d, cfg, lot, lot.activatesAt ?? op.at);
    return undefined;
  }
  const checkout = d.checkouts[op.transactionId];
  if (!checkout) return { code: 'unknown-checkout' };
  const lot = checkout.lotId === null ? null : lotOf(d, checkout.lotId);
  if (lot?.status === 'pending') activateLot(d, cfg, lot, op.at);
  return undefined;
}

function expire(d: Draft): Outcome {
  for (const r of Object.values(d.redemptions)) {
    if (r.status === 'held' && r.holdExpiresAt !== null && r.holdExpiresAt.getTime() <= d.at.getTime()) endHold(d, r, 'expired');
  }
  const due = dueForExpiry(d.lots, d.at);
  d.lots = debitLots(d.lots, due);
  due.forEach((a) => write(d, 'expire', a.points, 'available', 'expired', a.lotId));
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Validation and dispatch.

const isCount = (n: unknown, min: number) => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;

/** Why an operation is malformed, or null. */
export function invalidReason(op: Operation): string | null {
  if (typeof op.id !== 'string' || op.id === '') return 'id must be a non-empty string';
  if (!(op.at instanceof Date) || Number.isNaN(op.at.getTime())) return 'at must be a valid Date';
  switch (op.kind) {
    case 'earn':
      if (!isCount(op.points, 0) || !isCount(op.redeemPoints ?? 0, 0)) return 'points and redeemPoints must be non-negative integers';
      if (op.lines.length === 0) return 'a checkout needs lines';
      try {
        op.lines.forEach(lineAmount);
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    case 'hold':
      if (!isCount(op.ttlMs, 1)) return 'ttlMs must be a positive integer';
      return isCount(op.points, 1) ? null : 'points must be a positive integer';
    case 'redeem':
      return isCount(op.points, 1) ? null : 'points must be a positive integer';
    case 'adjust':
      if (!Number.isSafeInteger(op.points) || op.points === 0) return 'points must be a non-zero integer';
      return op.reason && op.operator ? null : 'an adjustment needs a reason and an operator';
    case 'return':
    case 'capture':
    case 'release':
    case 'activate':
    case 'expire':
      return null;
  }
}

function run(d: Draft, cfg: LedgerConfig, op: Operation): Outcome {
  switch (op.kind) {
    case 'earn':
      return earn(d, cfg, op);
    case 'hold':
    case 'redeem':
      return hold(d, op);
    case 'capture':
      return capture(d, op);
    case 'release':
      return release(d, op);
    case 'return':
      return applyReturn(d, cfg, op);
    case 'adjust':
      return adjust(d, cfg, op);
    case 'activate':
      return activate(d, cfg, op);
    case 'expire':
      return expire(d);
  }
}

/**
 * Applies an operation to an account, returning the new account and the outcome; the input is
 * never modified. See the module comment for idempotency. After every successful operation any
 * debt is paid off from the spendable lots.
 */
export function applyOperation(account: Account, cfg: LedgerConfig, op: Operation): { account: Account; result: OperationResult } {
  const key = `${op.kind}:${op.id}`;
  const payload = canonical({ ...op, at: undefined });
  const seen = account.applied[key];
  if (seen) return { account, result: seen.payload === payload ? seen.result : { ok: false, error: { code: 'conflict' } } };
  const reason = invalidReason(op);
  if (reason !== null) return { account, result: { ok: false, error: { code: 'invalid', reason } } };

  const d: Draft = { ...structuredClone(account), key, at: op.at, written: [] };
  const outcome = run(d, cfg, op);
  if (outcome && 'code' in outcome) {
    const result: OperationResult = { ok: false, error: outcome };
    return { account: { ...account, applied: { ...account.applied, [key]: { payload, result } } }, result };
  }
  settleDebt(d);
  const result: OperationResult = { ok: true, entries: d.written, balances: d.balances, ...outcome };
  const { lots, redemptions, checkouts, balances, debt } = d;
  const entries = [...account.entries, ...d.written];
  return { account: { lots, redemptions, checkouts, entries, balances, debt, applied: { ...account.applied, [key]: { payload, result } } }, result };
}

/**
 * The invariants every account keeps, as a list of violations (empty when sound): the cached
 * balances equal the sum of the entries and the lots; every lot is within [0, points] and equals
 * the sum of its entries; available is negative only under allow-negative; no checkout has more
 * reversed or refunded than it earned or redeemed.
 */
export function invariantViolations(account: Account, policy: NegativeBalancePolicy): string[] {
  const v: string[] = [];
  const b = account.balances;
  const fromEntries = balancesOf(account.entries);
  if (canonical(fromEntries) !== canonical(b)) v.push(`balances ${canonical(b)} ≠ entries ${canonical(fromEntries)}`);
  const sumWhere = (pred: (l: Lot) => boolean) => sumPoints(account.lots.filter(pred).map((l) => ({ points: l.remaining })));
  if (b.pending !== sumWhere((l) => l.status === 'pending')) v.push('pending ≠ pending lots');
  if (b.available !== sumWhere((l) => l.status === 'active') - account.debt) v.push('available ≠ active lots − debt');
  if (b.held !== sumPoints(Object.values(account.redemptions).filter((r) => r.status === 'held'))) v.push('held ≠ open holds');
  if (b.lifetimeEarned !== b.available + b.pending + b.held + b.spent + b.expired) v.push('lifetimeEarned ≠ sum of the buckets');
  for (const lot of account.lots) {
    if (lot.remaining < 0 || lot.remaining > lot.points) v.push(`lot ${lot.id} holds ${lot.remaining} of ${lot.points}`);
    if (lot.remaining !== lotRemainingOf(account.entries, lot.id)) v.push(`lot ${lot.id} ≠ its entries`);
  }
  if (account.debt < 0 || (account.debt > 0 && policy !== 'allow-negative')) v.push(`debt ${account.debt} under ${policy}`);
  if (b.available < 0 && policy !== 'allow-negative') v.push(`available ${b.available} under ${policy}`);
  for (const c of Object.values(account.checkouts)) {
    if (c.pointsReversed > c.pointsEarned) v.push(`checkout ${c.transactionId} reversed ${c.pointsReversed} of ${c.pointsEarned}`);
    const redeemed = c.redemptionId === null ? 0 : account.redemptions[c.redemptionId].points;
    if (c.pointsRefunded > redeemed) v.push(`checkout ${c.transactionId} refunded ${c.pointsRefunded} of ${redeemed}`);
  }
  return v;
}
