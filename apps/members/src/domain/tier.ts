/**
 * Tenant-defined tier ladders and the tier decisions made on them: an upgrade as soon as a
 * qualifying event arrives, and downgrades only at the periodic review (with an optional grace
 * period, one level at a time or straight to the earned level).
 *
 * Pure: no clock — every instant is a parameter (an ISO-8601 instant with `Z` or an offset).
 * Metric values are integers (tier points, spend in minor units, or a purchase count) computed
 * by the caller over the tenant's qualification window.
 *
 * Ladders are versioned and immutable: an edit is a new version with a later `effectiveFrom`
 * (see {@link validateNewVersion}) and {@link ladderAt} selects the version in force at an
 * instant, so a past decision can always be re-derived from the version it was made under.
 * A version that renames or drops codes says where their holders now stand (`formerCodes`,
 * checked by {@link validateFormerCodes}); {@link standingResolver} reads a stored standing
 * against the version in force by following those maps, so stored rows are never rewritten
 * when a version is added (they are rewritten in the new code at the member's next write).
 */

export type TierMetric = 'tier-points' | 'spend' | 'purchase-count';
export const TIER_METRICS: readonly TierMetric[] = ['tier-points', 'spend', 'purchase-count'];

export type DowngradePolicy = 'one-level' | 'to-earned';
export const DOWNGRADE_POLICIES: readonly DowngradePolicy[] = ['one-level', 'to-earned'];

export interface TierLevel {
  /** Stable identifier, `[A-Za-z0-9][A-Za-z0-9_-]{0,63}`; unique within a ladder. */
  readonly code: string;
  /** Display name (e.g. Persian text); non-blank, at most {@link MAX_TIER_NAME_LENGTH} characters. */
  readonly name: string;
  /** Minimum metric value (integer) that earns this level; the first level's is 0; strictly ascending. */
  readonly threshold: number;
  /** Earn multiplier for campaigns in percent (125 = 1.25×); integer 1…10000; absent = 100. */
  readonly multiplierPercent?: number;
}

export interface TierLadder {
  /** Positive integer; a tenant's versions are numbered 1, 2, 3 … */
  readonly version: number;
  /** ISO-8601 instant from which this version is in force. */
  readonly effectiveFrom: string;
  readonly metric: TierMetric;
  /** Lowest level first. */
  readonly levels: readonly TierLevel[];
  readonly downgrade: DowngradePolicy;
  /** Days a member keeps a tier they no longer earn before a review may downgrade them; 0 = none. */
  readonly graceDays: number;
  /**
   * Where members holding a code this version no longer has stand under it: a former code (of
   * an earlier version) → a code of this version, e.g. `{ silver: 'argent' }` for a rename.
   * Checked by {@link validateFormerCodes}; followed by {@link standingResolver}.
   */
  readonly formerCodes?: Readonly<Record<string, string>>;
}

/** Where a member stands: their tier code, since when, and a grace period if one was granted. */
export interface TierStanding {
  readonly code: string;
  /** ISO-8601 instant the member reached `code` (kept for history; not used by the decisions). */
  readonly since: string;
  /** ISO-8601 instant until which a tier no longer earned is kept (set by {@link atReview}). */
  readonly graceUntil?: string;
}

export const MAX_TIER_LEVELS = 20;
export const MAX_GRACE_DAYS = 3660;
export const MAX_TIER_NAME_LENGTH = 100;
export const MAX_MULTIPLIER_PERCENT = 10_000;
export const DEFAULT_MULTIPLIER_PERCENT = 100;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const DAY_MS = 86_400_000;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Milliseconds since the epoch of an ISO-8601 instant such as `2025-03-21T00:00:00Z` or
 * `2025-03-21T03:30:00+03:30` (a time and `Z` or an offset are required; fractions beyond
 * milliseconds are truncated). `undefined` when the text is not such an instant or names a
 * day that does not exist (2025-02-29).
 */
export function parseIsoInstant(s: string): number | undefined {
  const m = ISO_INSTANT.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return undefined;
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 23 || om > 59) return undefined;
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  date.setUTCHours(h, mi, sec, ms);
  return date.getTime() - offsetMin * 60_000;
}

function requireInstant(s: string, what: string): number {
  const t = parseIsoInstant(s);
  if (t === undefined) throw new RangeError(`${what} must be an ISO-8601 instant, got ${JSON.stringify(s)}`);
  return t;
}

function requireMetric(metricValue: number): void {
  if (!Number.isSafeInteger(metricValue)) throw new RangeError(`metric value must be a safe integer, got ${metricValue}`);
}

function requireLevels(ladder: TierLadder): void {
  if (ladder.levels.length === 0) throw new RangeError(`tier ladder version ${ladder.version} has no levels`);
}

/**
 * Every problem with a ladder, as human-readable messages (empty = valid): version, instant,
 * metric and policy values; at least one and at most {@link MAX_TIER_LEVELS} levels; codes well
 * formed and unique; names present; integer thresholds, the first 0 and strictly ascending;
 * multipliers integer 1…{@link MAX_MULTIPLIER_PERCENT}; grace days integer 0…{@link MAX_GRACE_DAYS}.
 */
export function validateLadder(ladder: TierLadder): string[] {
  const errors: string[] = [];
  if (!Number.isSafeInteger(ladder.version) || ladder.version < 1) errors.push('version must be a positive integer');
  if (typeof ladder.effectiveFrom !== 'string' || parseIsoInstant(ladder.effectiveFrom) === undefined) {
    errors.push('effectiveFrom must be an ISO-8601 instant (e.g. 2025-03-21T00:00:00+03:30)');
  }
  if (!TIER_METRICS.includes(ladder.metric)) errors.push(`metric must be one of ${TIER_METRICS.join(', ')}`);
  if (!DOWNGRADE_POLICIES.includes(ladder.downgrade)) errors.push(`downgrade must be one of ${DOWNGRADE_POLICIES.join(', ')}`);
  if (!Number.isSafeInteger(ladder.graceDays) || ladder.graceDays < 0 || ladder.graceDays > MAX_GRACE_DAYS) {
    errors.push(`graceDays must be an integer from 0 to ${MAX_GRACE_DAYS}`);
  }
  const levels: readonly TierLevel[] = Array.isArray(ladder.levels) ? (ladder.levels as readonly TierLevel[]) : [];
  if (levels.length === 0) errors.push('a ladder needs at least one level');
  if (levels.length > MAX_TIER_LEVELS) errors.push(`a ladder has at most ${MAX_TIER_LEVELS} levels`);
  const seen = new Set<string>();
  levels.forEach((level, i) => {
    const at = `levels[${i}]`;
    if (typeof level.code !== 'string' || !CODE.test(level.code)) {
      errors.push(`${at}.code must match ${CODE.source}`);
    } else if (seen.has(level.code)) {
      errors.push(`${at}.code ${JSON.stringify(level.code)} is a duplicate`);
    } else {
      seen.add(level.code);
    }
    if (typeof level.name !== 'string' || level.name.trim() === '' || level.name.length > MAX_TIER_NAME_LENGTH) {
      errors.push(`${at}.name must be non-blank and at most ${MAX_TIER_NAME_LENGTH} characters`);
    }
    if (!Number.isSafeInteger(level.threshold) || level.threshold < 0) {
      errors.push(`${at}.threshold must be a non-negative integer`);
    } else if (i === 0 && level.threshold !== 0) {
      errors.push('levels[0].threshold must be 0 (every member is on the ladder)');
    } else if (i > 0 && Number.isSafeInteger(levels[i - 1].threshold) && level.threshold <= levels[i - 1].threshold) {
      errors.push(`${at}.threshold must be greater than levels[${i - 1}].threshold (thresholds strictly ascending)`);
    }
    const mp = level.multiplierPercent;
    if (mp !== undefined && (!Number.isSafeInteger(mp) || mp < 1 || mp > MAX_MULTIPLIER_PERCENT)) {
      errors.push(`${at}.multiplierPercent must be an integer from 1 to ${MAX_MULTIPLIER_PERCENT}`);
    }
  });
  return errors;
}

/**
 * Checks that `candidate` may be appended to a tenant's `history` at instant `now` without
 * rewriting history: it is valid, numbered one above the highest existing version (1 for the
 * first), takes effect no earlier than `now` and no earlier than any existing version. A
 * scheduled version that has not yet taken effect can be superseded by a new version with the
 * same `effectiveFrom` (the higher version wins the tie in {@link ladderAt}). Its `formerCodes`
 * are checked by {@link validateFormerCodes} (which locates each problem for the caller).
 */
export function validateNewVersion(history: readonly TierLadder[], candidate: TierLadder, now: string): string[] {
  const errors = validateLadder(candidate);
  const nowMs = requireInstant(now, 'now');
  const expected = history.reduce((max, v) => Math.max(max, v.version), 0) + 1;
  if (candidate.version !== expected) errors.push(`version must be ${expected} (the next version number)`);
  const from = parseIsoInstant(candidate.effectiveFrom);
  if (from !== undefined) {
    if (from < nowMs) errors.push('effectiveFrom is in the past: a new version cannot rewrite history');
    const latest = history.reduce((max, v) => Math.max(max, requireInstant(v.effectiveFrom, `version ${v.version} effectiveFrom`)), -Infinity);
    if (from < latest) errors.push('effectiveFrom must not precede the effectiveFrom of an existing version');
  }
  return errors;
}

/** A problem with a new version, located by a JSON pointer into the request (`#/formerCodes/silver`). */
export interface LadderProblem {
  readonly pointer: string;
  readonly detail: string;
}

const pointerToken = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const quoted = (codes: Iterable<string>): string => [...codes].map((c) => JSON.stringify(c)).join(', ');

/**
 * Checks `candidate.formerCodes` against the tenant's `history` (the versions saved before it):
 * - every key is a code of some earlier version and not a code of `candidate` (a code the
 *   version still has keeps its holders);
 * - every value is a code of `candidate`;
 * - every code of the version `candidate` follows — the one in force just before its
 *   `effectiveFrom` (a scheduled version it supersedes on the same instant never takes effect,
 *   so it is skipped) — that `candidate` no longer has is mapped, so no member is left on a code
 *   that vanished.
 * Codes of older versions need no entry: their holders were mapped by the versions in between.
 */
export function validateFormerCodes(history: readonly TierLadder[], candidate: TierLadder): LadderProblem[] {
  const problems: LadderProblem[] = [];
  const map: unknown = candidate.formerCodes ?? {};
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    return [{ pointer: '#/formerCodes', detail: 'formerCodes must be an object mapping former codes to codes of this version' }];
  }
  const levels: readonly TierLevel[] = Array.isArray(candidate.levels) ? (candidate.levels as readonly TierLevel[]) : [];
  const own = new Set(levels.map((l) => l.code));
  const earlier = new Set(history.flatMap((v) => v.levels.map((l) => l.code)));
  for (const [from, to] of Object.entries(map as Record<string, unknown>)) {
    const pointer = `#/formerCodes/${pointerToken(from)}`;
    if (own.has(from)) {
      problems.push({ pointer, detail: `${JSON.stringify(from)} is a code of this version; only codes it no longer has can be mapped` });
    } else if (!earlier.has(from)) {
      problems.push({ pointer, detail: `${JSON.stringify(from)} is not a code of any earlier version` });
    }
    if (typeof to !== 'string' || !own.has(to)) {
      problems.push({ pointer, detail: `maps to ${JSON.stringify(to)}, which is not a code of this version (${quoted(own)})` });
    }
  }
  const from = parseIsoInstant(candidate.effectiveFrom);
  const previous =
    from === undefined
      ? history.reduce<TierLadder | undefined>((max, v) => (max === undefined || v.version > max.version ? v : max), undefined)
      : ladderAt(history, new Date(from - 1).toISOString());
  if (previous) {
    const unmapped = previous.levels.map((l) => l.code).filter((code) => !own.has(code) && !Object.hasOwn(map, code));
    if (unmapped.length > 0) {
      problems.push({
        pointer: '#/formerCodes',
        detail:
          `codes of version ${previous.version} that this version no longer has must be mapped to codes of this version: ${quoted(unmapped)} ` +
          `(e.g. "formerCodes": {${JSON.stringify(unmapped[0])}: "<a code of this version>"})`,
      });
    }
  }
  return problems;
}

/**
 * The version in force at instant `at`: the one with the latest `effectiveFrom` not after `at`
 * (on equal `effectiveFrom`, the higher version). `undefined` before the first version.
 * Throws RangeError on an instant that does not parse.
 */
export function ladderAt(versions: readonly TierLadder[], at: string): TierLadder | undefined {
  const t = requireInstant(at, 'at');
  let best: TierLadder | undefined;
  let bestFrom = -Infinity;
  for (const v of versions) {
    const from = requireInstant(v.effectiveFrom, `version ${v.version} effectiveFrom`);
    if (from > t) continue;
    if (best === undefined || from > bestFrom || (from === bestFrom && v.version > best.version)) {
      best = v;
      bestFrom = from;
    }
  }
  return best;
}

/** A member's standing as stored, with the ladder version it was written under. */
export interface StoredStanding extends TierStanding {
  readonly ladderVersion: number;
}

/** A move caused by a ladder version mapping a former code onto a level of another rank. */
export interface LadderChange {
  readonly from: string;
  readonly to: string;
  readonly direction: 'up' | 'down';
  /** The version whose `formerCodes` made the move, and its `effectiveFrom` (when it happened). */
  readonly ladderVersion: number;
  readonly at: string;
}

/** A stored standing read against the ladder in force (see {@link standingResolver}). */
export interface CurrentStanding {
  /**
   * The standing on the ladder in force. Its code is a code of that ladder, except when the
   * stored code vanished without a mapping: then it is the stored code, which the decisions
   * treat as below the first level (as before mappings existed).
   */
  readonly standing: TierStanding;
  /** True when `formerCodes` changed the code: the stored row is out of date and should be rewritten in the new code. */
  readonly mapped: boolean;
  /** Set when the mapping landed on a level of another rank: a move to record (history and event). */
  readonly change?: LadderChange;
}

/**
 * Reads stored standings against `ladder` (the version in force) given every version of the
 * tenant's ladder. From the version a standing was written under, it walks the versions that
 * took effect since (not those superseded before taking effect), up to `ladder`: a code the
 * version still has is kept, a code it dropped follows its `formerCodes` (so v1 silver → v2
 * argent → v3 plata), a code dropped without a mapping is carried on unchanged (a later
 * version may still map it). A code that ends on `ladder` is the member's code; otherwise the
 * stored code is returned unchanged (below the first level, as before).
 *
 * How a mapping is recorded — a level is its rank on the ladder (0 = first):
 * - a code still on the ladder is unchanged (whatever its rank now: the club kept the level);
 * - a mapping onto the same rank as the stored code held on its own version is a rename, not a
 *   move: same `since`, same grace, no history entry and no event (`mapped` only);
 * - a mapping onto another rank (the club dropped a level and sent its holders up or down) is a
 *   move made by the ladder change, not by the member: `change` with direction by rank, dated
 *   at the `effectiveFrom` of the version that mapped it (reason `ladder-change`); `since` becomes
 *   that instant, so a review does not judge the new level on a window that ended before it;
 *   a grace period in progress is kept.
 *
 * The returned function memoises per (version, code), so a review batch resolves cheaply.
 */
export function standingResolver(versions: readonly TierLadder[], ladder: TierLadder): (stored: StoredStanding) => CurrentStanding {
  const took = versions.filter((v) => v.version < ladder.version && ladderAt(versions, v.effectiveFrom)?.version === v.version);
  const chain = [...took.sort((a, b) => a.version - b.version), ladder];
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const codes = new Map(chain.map((v) => [v.version, new Set(v.levels.map((l) => l.code))]));
  const memo = new Map<string, { code: string; by?: TierLadder } | undefined>();

  const resolveCode = (code: string, writtenUnder: number): { code: string; by?: TierLadder } | undefined => {
    const key = `${writtenUnder}\u0000${code}`;
    if (memo.has(key)) return memo.get(key);
    let current = code;
    let by: TierLadder | undefined;
    for (const v of chain) {
      if (v.version <= writtenUnder || codes.get(v.version)?.has(current)) continue;
      const map = v.formerCodes;
      const to = map && Object.hasOwn(map, current) ? map[current] : undefined;
      if (typeof to !== 'string') continue;
      current = to;
      by = v;
    }
    const result = levelIndex(ladder, current) < 0 ? undefined : current === code ? { code } : { code: current, by };
    memo.set(key, result);
    return result;
  };

  return (stored) => {
    const resolved = resolveCode(stored.code, stored.ladderVersion);
    if (resolved === undefined || resolved.by === undefined) return { standing: stored, mapped: false };
    const kept: TierStanding = { code: stored.code, since: stored.since, ...(stored.graceUntil !== undefined ? { graceUntil: stored.graceUntil } : {}) };
    const writtenUnder = byVersion.get(stored.ladderVersion);
    const fromRank = writtenUnder ? levelIndex(writtenUnder, stored.code) : -1;
    const toRank = levelIndex(ladder, resolved.code);
    if (fromRank < 0 || fromRank === toRank) return { standing: { ...kept, code: resolved.code }, mapped: true };
    const sinceMs = Math.max(requireInstant(stored.since, 'since'), requireInstant(resolved.by.effectiveFrom, `version ${resolved.by.version} effectiveFrom`));
    const at = new Date(sinceMs).toISOString();
    return {
      standing: { ...kept, code: resolved.code, since: at },
      mapped: true,
      change: { from: stored.code, to: resolved.code, direction: toRank > fromRank ? 'up' : 'down', ladderVersion: resolved.by.version, at },
    };
  };
}

/** {@link standingResolver} for one standing. */
export function resolveStanding(versions: readonly TierLadder[], ladder: TierLadder, stored: StoredStanding): CurrentStanding {
  return standingResolver(versions, ladder)(stored);
}

/** Position of `code` on the ladder (0 = lowest), or -1 when the ladder has no such level. */
export function levelIndex(ladder: TierLadder, code: string): number {
  return ladder.levels.findIndex((l) => l.code === code);
}

function earnedIndex(ladder: TierLadder, metricValue: number): number {
  requireLevels(ladder);
  requireMetric(metricValue);
  let i = 0;
  while (i + 1 < ladder.levels.length && ladder.levels[i + 1].threshold <= metricValue) i++;
  return i;
}

/** The highest level whose threshold is at most `metricValue` (values below 0 earn the first level). */
export function earnedLevel(ladder: TierLadder, metricValue: number): string {
  return ladder.levels[earnedIndex(ladder, metricValue)].code;
}

/** The campaign earn multiplier of a level in percent; 100 when unset or when the code is not on the ladder. */
export function tierMultiplierPercent(ladder: TierLadder, code: string): number {
  const level = ladder.levels.find((l) => l.code === code);
  return level?.multiplierPercent ?? DEFAULT_MULTIPLIER_PERCENT;
}

export interface QualifyingOutcome {
  readonly code: string;
  readonly changed: boolean;
  readonly direction: 'up' | 'none';
}

/**
 * Decision on a qualifying event (points earned, a checkout): upgrade at once to the earned
 * level when it is above the current one, otherwise keep the current tier — never a downgrade
 * (and a grace period in progress is left alone).
 *
 * Pass a stored standing through {@link standingResolver} first (renamed and dropped codes
 * follow the versions' `formerCodes`). A code still not on this ladder (dropped without a
 * mapping) counts as below the first level, so the member is placed on their earned level
 * (`direction: 'up'`); the result is always a code of `ladder`.
 */
export function onQualifyingActivity(ladder: TierLadder, current: Pick<TierStanding, 'code'>, metricValue: number): QualifyingOutcome {
  const earned = earnedIndex(ladder, metricValue);
  const at = levelIndex(ladder, current.code);
  if (earned > at) return { code: ladder.levels[earned].code, changed: true, direction: 'up' };
  return { code: current.code, changed: false, direction: 'none' };
}

export type ReviewReason =
  /** Earned a higher level than the current one (or the current code is not on the ladder). */
  | 'upgrade'
  /** Earns exactly the current level; any grace period is cleared. */
  | 'requalified'
  /** Earns less, and a grace period starts now: the tier is kept until `graceUntil`. */
  | 'grace-granted'
  /** Earns less, but the grace period granted earlier has not ended yet. */
  | 'in-grace'
  /** Earns less and no grace applies (none configured, or it has ended). */
  | 'downgrade';

export interface ReviewOutcome {
  readonly code: string;
  readonly direction: 'up' | 'down' | 'kept';
  readonly reason: ReviewReason;
  /** Set while the member holds a tier above the one they earn (see {@link atReview}). */
  readonly graceUntil?: string;
}

/**
 * Decision at the periodic review (`reviewAt`, an ISO instant), for a member whose qualifying
 * metric over the review window is `metricValue`. Let *earned* be {@link earnedLevel}:
 *
 * | situation                                             | result                                   |
 * |-------------------------------------------------------|------------------------------------------|
 * | earned above current (or current not on the ladder)   | up to earned; grace cleared              |
 * | earned = current                                      | kept; grace cleared                      |
 * | earned below, `graceUntil` set and `reviewAt` before it | kept, `graceUntil` unchanged            |
 * | earned below, no `graceUntil`, `graceDays` > 0        | kept, `graceUntil = reviewAt + graceDays` |
 * | earned below, otherwise (no grace, or it has ended)   | down: one level, or straight to earned   |
 *
 * - A grace period ends at `graceUntil`: a review at or after it downgrades (so yearly reviews
 *   with a 365-day grace downgrade at the next review, not the one after).
 * - Grace days are 24-hour days added to `reviewAt`; the result is a UTC instant
 *   (`toISOString`). Pass a review instant at the tenant's local midnight for calendar days.
 * - A grace period already granted is honoured even if a later ladder version sets `graceDays`
 *   to 0.
 * - Grace is granted once per lapse: after a `one-level` step that still leaves the member above
 *   their earned level, the ended `graceUntil` is returned again so the next review steps down
 *   again without a new grace period. It is cleared once the member earns their tier.
 * - The result is never below the earned level, and `one-level` moves at most one step per review.
 */
export function atReview(ladder: TierLadder, current: TierStanding, metricValue: number, reviewAt: string): ReviewOutcome {
  const earned = earnedIndex(ladder, metricValue);
  const reviewMs = requireInstant(reviewAt, 'reviewAt');
  const at = levelIndex(ladder, current.code);
  if (earned > at) return { code: ladder.levels[earned].code, direction: 'up', reason: 'upgrade' };
  if (earned === at) return { code: current.code, direction: 'kept', reason: 'requalified' };

  if (current.graceUntil !== undefined) {
    const graceMs = requireInstant(current.graceUntil, 'graceUntil');
    if (reviewMs < graceMs) return { code: current.code, direction: 'kept', reason: 'in-grace', graceUntil: current.graceUntil };
  } else if (ladder.graceDays > 0) {
    const graceUntil = new Date(reviewMs + ladder.graceDays * DAY_MS).toISOString();
    return { code: current.code, direction: 'kept', reason: 'grace-granted', graceUntil };
  }

  const to = ladder.downgrade === 'one-level' ? at - 1 : earned;
  const code = ladder.levels[to].code;
  return to > earned && current.graceUntil !== undefined
    ? { code, direction: 'down', reason: 'downgrade', graceUntil: current.graceUntil }
    : { code, direction: 'down', reason: 'downgrade' };
}

export interface TierProgress {
  /** The level above `code`; absent at the top of the ladder. */
  readonly next?: { readonly code: string; readonly threshold: number };
  /** Metric still needed to reach `next` (0 at the top, or when already reached). */
  readonly remaining: number;
  /**
   * `metricValue / next.threshold` in percent, floored and clamped to 0…100 (100 at the top);
   * measured from zero, as a member sees "1 200 of 2 000 points to Gold".
   */
  readonly percent: number;
}

/**
 * Progress of a member holding `code` towards the next level up. A code not on the ladder is
 * treated as below the first level (whose threshold, 0, is always reached).
 */
export function progressToNext(ladder: TierLadder, code: string, metricValue: number): TierProgress {
  requireLevels(ladder);
  requireMetric(metricValue);
  const nextLevel = ladder.levels[levelIndex(ladder, code) + 1];
  if (nextLevel === undefined) return { remaining: 0, percent: 100 };
  const next = { code: nextLevel.code, threshold: nextLevel.threshold };
  const remaining = Math.max(0, next.threshold - metricValue);
  let percent: number;
  if (remaining === 0) percent = 100;
  else if (metricValue <= 0) percent = 0;
  else percent = Number((BigInt(metricValue) * 100n) / BigInt(next.threshold)); // < 100 since metricValue < threshold
  return { next, remaining, percent };
}
