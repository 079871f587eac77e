import { localDateOf, type Window } from '@club/calendar';
import type { TierLadder, TierLevel } from './tier';
import { qualificationWindow, type WindowPolicy } from './period';

/**
 * A club's tier programme as stored: the ladder (levels, metric, downgrade policy, grace) plus
 * its qualification window. Stored definitions are immutable; a change is a new version.
 */
export type LadderWindow = { kind: 'rolling-months'; months: number } | { kind: 'calendar-year' } | { kind: 'jalali-year' } | { kind: 'anniversary' };

export interface TenantLadderDefinition {
  readonly metric: TierLadder['metric'];
  readonly window: LadderWindow;
  readonly levels: readonly TierLevel[];
  readonly downgrade: TierLadder['downgrade'];
  readonly graceDays: number;
  /** Former code → a code of this version (see {@link TierLadder.formerCodes}); absent = none. */
  readonly formerCodes?: TierLadder['formerCodes'];
}

export interface ProgramVersion {
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly definition: TenantLadderDefinition;
}

export function toLadder(v: ProgramVersion): TierLadder & { readonly window: LadderWindow } {
  return {
    version: v.version,
    effectiveFrom: v.effectiveFrom.toISOString(),
    metric: v.definition.metric,
    levels: v.definition.levels,
    downgrade: v.definition.downgrade,
    graceDays: v.definition.graceDays,
    window: v.definition.window,
    ...(v.definition.formerCodes ? { formerCodes: v.definition.formerCodes } : {}),
  };
}

/** The member's qualification window at `at` in the club's time zone (anniversary = enrolment date). */
export function memberWindow(window: LadderWindow, memberSince: Date, at: Date, timeZone: string): Window {
  const policy: WindowPolicy = window.kind === 'anniversary' ? { kind: 'anniversary', memberSince: localDateOf(memberSince, timeZone) } : window;
  return qualificationWindow(policy, at, timeZone);
}

/** Whole days since enrolment (tenure, "member since"). */
export function tenureDays(memberSince: Date, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - memberSince.getTime()) / 86_400_000));
}
