import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { BadgeInput, BadgeView, ChallengeInput, ChallengeView, EventEnvelope, MemberProgress, StreakInput, StreakView, TenantContext } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { alreadyExists, Clock, failedPrecondition, invalidArgument, LOGGER, notFound, UnitOfWork } from '@club/platform-nest';
import {
  advance,
  challengePeriod,
  challengeStatus,
  contribution,
  effectsForGamification,
  extendStreak,
  isEmpty,
  milestonesReached,
  NO_PROGRESS,
  percentOf,
  periodKeyOfIndex,
  qualifiesForStreak,
  streakPeriod,
  streakStanding,
  type ChallengeDefinition,
  type StreakDefinition,
} from '../domain/gamification';
import { GamificationRepository, type BadgeRecord, type ChallengeDocument, type ChallengeRecord, type StreakDocument, type StreakRecord } from '../repositories/gamification.repository';

type Award = { code: string; source: 'rule' | 'challenge' | 'streak'; reference: string };
type GamificationTopic = 'campaigns.badge.awarded.v1' | 'campaigns.challenge.completed.v1' | 'campaigns.streak.milestone-reached.v1';

const badgeView = (b: BadgeRecord): BadgeView => ({
  code: b.code,
  name: b.name,
  description: b.description,
  imageUrl: b.imageUrl,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

const toChallenge = (c: ChallengeDocument): ChallengeDefinition => ({
  code: c.code,
  goal: c.goal.kind === 'distinct-categories' ? { ...c.goal, categories: c.goal.categories ?? null } : c.goal,
  period: c.period,
  calendar: c.calendar,
  startsAt: new Date(c.startsAt),
  endsAt: c.endsAt === null ? null : new Date(c.endsAt),
  repeat: c.repeat,
  badgeCode: c.badgeCode,
});

const toStreak = (s: StreakDocument): StreakDefinition => ({ code: s.code, period: s.period, calendar: s.calendar, minAmount: s.minAmount, milestones: s.milestones });

/** JSON with sorted keys (jsonb does not keep the order a document was written in). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Gamification: badge, challenge and streak definitions per club, and what each checkout
 * (`points.checkout.recorded.v1`, inside the idempotent consumer's transaction) changes for its
 * member — challenge progress in the checkout's period, completions, streak runs and milestones,
 * and badges from rule effects, completions and milestones, each award once and each an event
 * in the outbox. See domain/gamification.ts for the rules.
 */
@Injectable()
export class GamificationService {
  constructor(
    private readonly repo: GamificationRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Remembers the club's time zone and calendar (from the gRPC metadata) for the work that only
   * sees Kafka events: gamification periods and event-triggered rules. Called on every admin
   * change too, so a club with live campaigns is always known.
   */
  async rememberClub(tenant: TenantContext): Promise<void> {
    await this.repo.rememberTenant(tenant.tenantId, tenant);
  }

  // --- definitions ------------------------------------------------------------------------------

  async defineBadge(tenant: TenantContext, input: BadgeInput, operator: string): Promise<BadgeView> {
    await this.repo.rememberTenant(tenant.tenantId, tenant);
    const created = await this.uow.run((m) => this.repo.insertBadge(m, tenant.tenantId, input, operator));
    if (!created) throw alreadyExists('a badge with this code exists', [{ pointer: '#/code', detail: 'taken' }]);
    return badgeView((await this.repo.findBadge(tenant.tenantId, input.code))!);
  }

  /** Changes the name, description or image; members keep the badge. */
  async saveBadge(tenant: TenantContext, input: BadgeInput, operator: string): Promise<BadgeView> {
    if (!(await this.uow.run((m) => this.repo.updateBadge(m, tenant.tenantId, input, operator)))) throw notFound('badge not found');
    return badgeView((await this.repo.findBadge(tenant.tenantId, input.code))!);
  }

  async listBadges(tenant: TenantContext): Promise<{ items: BadgeView[] }> {
    return { items: (await this.repo.listBadges(tenant.tenantId)).map(badgeView) };
  }

  async defineChallenge(tenant: TenantContext, input: ChallengeInput, operator: string): Promise<ChallengeView> {
    await this.repo.rememberTenant(tenant.tenantId, tenant);
    const doc = this.challengeDocument(input, { calendar: tenant.calendar, startsAt: this.clock.now().toISOString() });
    await this.uow.run(async (m) => {
      await this.assertBadges(m, tenant.tenantId, [{ code: doc.badgeCode, pointer: '#/badgeCode' }]);
      if (!(await this.repo.insertChallenge(m, tenant.tenantId, doc, operator))) throw alreadyExists('a challenge with this code exists', [{ pointer: '#/code', detail: 'taken' }]);
    });
    return this.challengeView((await this.repo.findChallenge(tenant.tenantId, doc.code))!);
  }

  /**
   * Changes the presentation, window or badge of a challenge. Its goal, period, calendar and
   * repeat mode are fixed once defined (members' progress was counted against them): define a
   * new challenge instead. Progress already counted is kept.
   */
  async saveChallenge(tenant: TenantContext, input: ChallengeInput, operator: string): Promise<ChallengeView> {
    await this.uow.run(async (m) => {
      const current = await this.repo.lockChallenge(m, tenant.tenantId, input.code);
      if (!current) throw notFound('challenge not found');
      const doc = this.challengeDocument(input, { calendar: current.calendar, startsAt: current.startsAt });
      const fixed = (['goal', 'period', 'calendar', 'repeat'] as const).filter((k) => canonical(doc[k]) !== canonical(current[k]));
      if (fixed.length > 0) {
        throw failedPrecondition(
          'the goal, period, calendar and repeat mode of a challenge cannot change; define a new challenge',
          fixed.map((k) => ({ pointer: `#/${k}`, detail: 'fixed once defined' })),
        );
      }
      await this.assertBadges(m, tenant.tenantId, [{ code: doc.badgeCode, pointer: '#/badgeCode' }]);
      await this.repo.updateChallenge(m, tenant.tenantId, doc, operator);
    });
    return this.challengeView((await this.repo.findChallenge(tenant.tenantId, input.code))!);
  }

  async listChallenges(tenant: TenantContext): Promise<{ items: ChallengeView[] }> {
    return { items: (await this.repo.listChallenges(tenant.tenantId)).map((c) => this.challengeView(c)) };
  }

  async defineStreak(tenant: TenantContext, input: StreakInput, operator: string): Promise<StreakView> {
    await this.repo.rememberTenant(tenant.tenantId, tenant);
    const doc: StreakDocument = { ...input, calendar: input.calendar ?? tenant.calendar };
    await this.uow.run(async (m) => {
      await this.assertBadges(m, tenant.tenantId, doc.milestones.map((ms, i) => ({ code: ms.badgeCode, pointer: `#/milestones/${i}/badgeCode` })));
      if (!(await this.repo.insertStreak(m, tenant.tenantId, doc, operator))) throw alreadyExists('a streak with this code exists', [{ pointer: '#/code', detail: 'taken' }]);
    });
    return streakView((await this.repo.listStreaks(undefined, tenant.tenantId)).find((s) => s.code === doc.code)!);
  }

  /** Changes the presentation, qualifying amount or milestones of a streak; its period and calendar are fixed (runs are counted in them). */
  async saveStreak(tenant: TenantContext, input: StreakInput, operator: string): Promise<StreakView> {
    await this.uow.run(async (m) => {
      const current = await this.repo.lockStreak(m, tenant.tenantId, input.code);
      if (!current) throw notFound('streak not found');
      const doc: StreakDocument = { ...input, calendar: input.calendar ?? current.calendar };
      const fixed = (['period', 'calendar'] as const).filter((k) => doc[k] !== current[k]);
      if (fixed.length > 0) throw failedPrecondition('the period and calendar of a streak cannot change; define a new streak', fixed.map((k) => ({ pointer: `#/${k}`, detail: 'fixed once defined' })));
      await this.assertBadges(m, tenant.tenantId, doc.milestones.map((ms, i) => ({ code: ms.badgeCode, pointer: `#/milestones/${i}/badgeCode` })));
      await this.repo.updateStreak(m, tenant.tenantId, doc, operator);
    });
    return streakView((await this.repo.listStreaks(undefined, tenant.tenantId)).find((s) => s.code === input.code)!);
  }

  async listStreaks(tenant: TenantContext): Promise<{ items: StreakView[] }> {
    return { items: (await this.repo.listStreaks(undefined, tenant.tenantId)).map(streakView) };
  }

  // --- checkouts --------------------------------------------------------------------------------

  /**
   * What a recorded checkout changes for its member. Runs in the consumer's transaction (the
   * event id is recorded in the same one); the checkout is also counted once per transaction id.
   * Clubs that never defined anything are skipped after one lookup.
   */
  async recordCheckout(event: EventEnvelope<'points.checkout.recorded.v1'>, m: EntityManager): Promise<void> {
    const { tenantId } = event;
    const d = event.data;
    const settings = await this.repo.findTenant(m, tenantId);
    if (!settings) return;
    const at = new Date(d.recordedAt);
    if (!(await this.repo.claimCheckout(m, tenantId, { transactionId: d.transactionId, memberId: d.memberId, recordedAt: at }))) return;
    const { badges, steps } = effectsForGamification(d.campaignEffects);
    const awards: Award[] = badges.map((b) => ({ code: b.code, source: 'rule', reference: b.reference }));
    const events: NewEvent<GamificationTopic>[] = [];
    const base = { tenantId, subject: d.memberId, time: at };

    // Challenges whose window contains the checkout, in the checkout's period.
    const candidates = (await this.repo.challengesAt(m, tenantId, at))
      .map((record) => {
        const def = toChallenge(record);
        return { record, def, add: contribution(def.goal, d, steps.get(def.code) ?? 0), period: challengePeriod(def, at, settings.timezone) };
      })
      .filter((c) => !isEmpty(c.add));
    const doneOnce = await this.repo.completedChallenges(
      m,
      tenantId,
      d.memberId,
      candidates.filter((c) => c.def.repeat === 'once').map((c) => c.def.code),
    );
    const live = candidates.filter((c) => !(c.def.repeat === 'once' && doneOnce.has(c.def.code)));
    const rows = await this.repo.lockProgress(m, tenantId, d.memberId, live.map((c) => ({ code: c.def.code, periodKey: c.period.key })));
    const updates = [];
    for (const c of live) {
      const row = rows.find((r) => r.code === c.def.code && r.periodKey === c.period.key) ?? NO_PROGRESS;
      const next = advance(c.def.goal, row, c.add);
      if (!next.changed) continue;
      updates.push({ code: c.def.code, periodKey: c.period.key, state: next.state, completedAt: next.completedNow ? at : null });
      if (!next.completedNow) continue;
      events.push({
        ...base,
        topic: 'campaigns.challenge.completed.v1',
        data: {
          memberId: d.memberId,
          challengeCode: c.def.code,
          name: c.record.name,
          goal: c.def.goal.kind,
          target: c.def.goal.target,
          progress: next.state.progress,
          periodKey: c.period.key,
          periodStart: c.period.start?.toISOString() ?? null,
          periodEnd: c.period.end?.toISOString() ?? null,
          badgeCode: c.def.badgeCode,
          transactionId: d.transactionId,
          completedAt: at.toISOString(),
        },
      });
      if (c.def.badgeCode !== null) awards.push({ code: c.def.badgeCode, source: 'challenge', reference: c.def.code });
    }
    await this.repo.saveProgress(m, tenantId, d.memberId, updates);

    // Streaks: the run of consecutive periods with a qualifying checkout.
    for (const record of await this.repo.listStreaks(m, tenantId)) {
      const def = toStreak(record);
      if (!qualifiesForStreak(def, d.amount)) continue;
      const period = streakPeriod(def, at, settings.timezone);
      let grewTo: number | null = 1;
      if (!(await this.repo.startRun(m, tenantId, d.memberId, def.code, period.index))) {
        const next = extendStreak(await this.repo.lockRun(m, tenantId, d.memberId, def.code), period.index);
        if (next.grewTo !== null) await this.repo.saveRun(m, tenantId, d.memberId, def.code, next.run);
        grewTo = next.grewTo;
      }
      for (const ms of milestonesReached(def.milestones, grewTo)) {
        events.push({
          ...base,
          topic: 'campaigns.streak.milestone-reached.v1',
          data: { memberId: d.memberId, streakCode: def.code, unit: def.period, length: ms.length, periodKey: period.key, badgeCode: ms.badgeCode, transactionId: d.transactionId, reachedAt: at.toISOString() },
        });
        if (ms.badgeCode !== null) awards.push({ code: ms.badgeCode, source: 'streak', reference: def.code });
      }
    }

    // Badges: each at most once per member, whatever awarded it first.
    const defined = await this.repo.existingBadges(m, tenantId, [...new Set(awards.map((a) => a.code))]);
    for (const a of awards) {
      if (!defined.has(a.code)) {
        this.logger.warn({ tenant_id: tenantId, badge_code: a.code, source: a.source, reference: a.reference }, 'award of a badge the club has not defined ignored');
        continue;
      }
      const awarded = await this.repo.awardBadge(m, tenantId, d.memberId, { ...a, awardedAt: at, transactionId: d.transactionId });
      if (!awarded) continue;
      events.push({
        ...base,
        topic: 'campaigns.badge.awarded.v1',
        data: { memberId: d.memberId, badgeCode: a.code, name: awarded.name, source: a.source, reference: a.reference, transactionId: d.transactionId, awardedAt: at.toISOString() },
      });
    }
    await this.outbox.enqueueMany(m, events);
  }

  /** An erased member's badges, progress and streaks are deleted. */
  async eraseMember(event: EventEnvelope<'members.member.erased.v1'>, m: EntityManager): Promise<void> {
    await this.repo.eraseMember(m, event.tenantId, event.data.memberId);
  }

  // --- the member's view ------------------------------------------------------------------------

  /**
   * Badges earned (oldest first), the challenges active now with the member's progress in the
   * current period, and the streaks as of the current period.
   */
  async getProgress(tenant: TenantContext, memberId: string): Promise<MemberProgress> {
    await this.repo.rememberTenant(tenant.tenantId, tenant);
    const now = this.clock.now();
    const [badges, challenges, streaks, runs] = await Promise.all([
      this.repo.memberBadges(tenant.tenantId, memberId),
      this.repo.challengesAt(undefined, tenant.tenantId, now),
      this.repo.listStreaks(undefined, tenant.tenantId),
      this.repo.memberRuns(tenant.tenantId, memberId),
    ]);
    const current = challenges.map((record) => {
      const def = toChallenge(record);
      return { record, def, period: challengePeriod(def, now, tenant.timezone) };
    });
    const [rows, completions] = await Promise.all([
      this.repo.findProgress(tenant.tenantId, memberId, current.map((c) => ({ code: c.def.code, periodKey: c.period.key }))),
      this.repo.completedChallenges(undefined, tenant.tenantId, memberId, current.map((c) => c.def.code)),
    ]);
    return {
      memberId,
      at: now.toISOString(),
      badges: badges.map((b) => ({
        code: b.code,
        name: b.name,
        description: b.description,
        imageUrl: b.imageUrl,
        awardedAt: b.awardedAt.toISOString(),
        source: b.source,
        reference: b.reference,
      })),
      challenges: current.map(({ record, def, period }) => {
        const row = rows.find((r) => r.code === def.code && r.periodKey === period.key);
        const done = completions.get(def.code);
        const doneBefore = def.repeat === 'once' && done !== undefined && !row?.completed;
        const progress = doneBefore ? def.goal.target : (row?.progress ?? 0);
        return {
          code: def.code,
          name: record.name,
          description: record.description,
          goal: record.goal,
          period: { unit: def.period, key: period.key, start: period.start?.toISOString() ?? null, end: period.end?.toISOString() ?? null },
          repeat: def.repeat,
          progress,
          target: def.goal.target,
          percent: percentOf(progress, def.goal.target),
          categories: [...(row?.categories ?? [])],
          completed: row?.completed === true || doneBefore,
          completedAt: (row?.completedAt ?? (doneBefore ? done.last : null))?.toISOString() ?? null,
          completions: done?.count ?? 0,
          badgeCode: def.badgeCode,
        };
      }),
      streaks: streaks.map((record) => {
        const def = toStreak(record);
        const period = streakPeriod(def, now, tenant.timezone);
        const run = runs.get(def.code) ?? null;
        const standing = streakStanding(run, period.index, def.milestones);
        return {
          code: def.code,
          name: record.name,
          description: record.description,
          period: { unit: def.period, key: period.key, start: period.start?.toISOString() ?? null, end: period.end?.toISOString() ?? null },
          ...standing,
          lastActivePeriod: run === null ? null : periodKeyOfIndex(def.period, def.calendar, run.end),
        };
      }),
    };
  }

  // --- helpers ----------------------------------------------------------------------------------

  private challengeDocument(input: ChallengeInput, defaults: { calendar: ChallengeDocument['calendar']; startsAt: string }): ChallengeDocument {
    const startsAt = input.startsAt ?? defaults.startsAt;
    if (input.endsAt !== null && Date.parse(input.endsAt) <= Date.parse(startsAt)) {
      throw invalidArgument('the challenge window is empty', [{ pointer: '#/endsAt', detail: 'must be after startsAt (default: now)' }]);
    }
    return {
      code: input.code,
      name: input.name,
      description: input.description,
      goal: input.goal,
      period: input.period,
      calendar: input.calendar ?? defaults.calendar,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: input.endsAt === null ? null : new Date(input.endsAt).toISOString(),
      repeat: input.repeat,
      badgeCode: input.badgeCode,
    };
  }

  private challengeView(c: ChallengeRecord): ChallengeView {
    const def = toChallenge(c);
    return {
      code: c.code,
      name: c.name,
      description: c.description,
      goal: c.goal,
      period: c.period,
      calendar: c.calendar,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      repeat: c.repeat,
      badgeCode: c.badgeCode,
      status: challengeStatus(def, this.clock.now()),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  /** Every named badge must be defined (INVALID_ARGUMENT at its pointer otherwise). */
  private async assertBadges(m: EntityManager, tenantId: string, refs: readonly { code: string | null; pointer: string }[]): Promise<void> {
    const named = refs.filter((r): r is { code: string; pointer: string } => r.code !== null);
    const defined = await this.repo.existingBadges(m, tenantId, named.map((r) => r.code));
    const missing = named.filter((r) => !defined.has(r.code));
    if (missing.length > 0) throw invalidArgument('no such badge: define it first', missing.map((r) => ({ pointer: r.pointer, detail: `no badge ${r.code}` })));
  }
}

function streakView(s: StreakRecord): StreakView {
  return {
    code: s.code,
    name: s.name,
    description: s.description,
    period: s.period,
    calendar: s.calendar,
    minAmount: s.minAmount,
    milestones: s.milestones.map((ms) => ({ length: ms.length, badgeCode: ms.badgeCode })),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
