/**
 * A campaign's lifecycle: draft → (publish) scheduled → active → paused ⇄ active → ended.
 * The stored state is what people did (draft, published, paused, ended); `scheduled`, `active`
 * and a published campaign past its end are read from the clock, so no job has to flip them.
 */
export type StoredState = 'draft' | 'published' | 'paused' | 'ended';
export type CampaignStatus = 'draft' | 'scheduled' | 'active' | 'paused' | 'ended';
export type LifecycleAction = 'publish' | 'pause' | 'resume' | 'end';

export interface Schedule {
  /** ISO instant; null = from publication. */
  readonly startsAt: string | null;
  /** ISO instant (exclusive); null = until ended. */
  readonly endsAt: string | null;
}

/** What people see at `now`. */
export function statusAt(state: StoredState, schedule: Schedule, now: Date): CampaignStatus {
  if (state === 'draft' || state === 'paused' || state === 'ended') return state;
  const t = now.getTime();
  if (schedule.endsAt !== null && Date.parse(schedule.endsAt) <= t) return 'ended';
  if (schedule.startsAt !== null && Date.parse(schedule.startsAt) > t) return 'scheduled';
  return 'active';
}

const NEXT: Record<LifecycleAction, { from: readonly CampaignStatus[]; to: StoredState }> = {
  publish: { from: ['draft'], to: 'published' },
  pause: { from: ['scheduled', 'active'], to: 'paused' },
  resume: { from: ['paused'], to: 'published' },
  end: { from: ['draft', 'scheduled', 'active', 'paused'], to: 'ended' },
};

/** The stored state after `action`, or why it is not allowed now. */
export function transition(state: StoredState, schedule: Schedule, action: LifecycleAction, now: Date): { ok: true; state: StoredState } | { ok: false; reason: string } {
  const status = statusAt(state, schedule, now);
  const rule = NEXT[action];
  if (!rule.from.includes(status)) return { ok: false, reason: `cannot ${action} a campaign that is ${status}` };
  return { ok: true, state: rule.to };
}

/** Whether a schedule is coherent: both instants valid, the end after the start. */
export function scheduleErrors(schedule: Schedule): string[] {
  const errors: string[] = [];
  const start = schedule.startsAt === null ? null : Date.parse(schedule.startsAt);
  const end = schedule.endsAt === null ? null : Date.parse(schedule.endsAt);
  if (start !== null && Number.isNaN(start)) errors.push('startsAt is not a valid instant');
  if (end !== null && Number.isNaN(end)) errors.push('endsAt is not a valid instant');
  if (start !== null && end !== null && !Number.isNaN(start) && !Number.isNaN(end) && !(end > start)) errors.push('endsAt must be after startsAt');
  return errors;
}
