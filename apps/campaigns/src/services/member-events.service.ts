import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { CustomEventInput, EventEnvelope, MemberEventResult, TenantContext } from '@club/contracts';
import { alreadyExists, Clock, LOGGER, UnitOfWork } from '@club/platform-nest';
import { type AttributeValue, buildRuleContext, counterKeysFor, evaluateCampaigns, type Trigger } from '../domain/rule-engine';
import { awardIdOf, memberEventAwards } from '../domain/member-events';
import { EvaluationRepository } from '../repositories/evaluation.repository';
import { GamificationRepository } from '../repositories/gamification.repository';
import { PointsClient } from '../repositories/points.client';
import { CampaignCache } from './campaign-cache.service';

/** Attempts when concurrent events keep taking the last of a budget first. */
const ATTEMPTS = 5;

/** A club whose zone and calendar campaigns has not seen yet (no gRPC call from its gateway so far). */
const DEFAULT_CLUB = { timezone: 'Asia/Tehran', calendar: 'jalali', currency: 'IRR', locale: 'fa' } as const;

class BudgetRace extends Error {}

/** One member event as the rules see it. */
export interface MemberEvent {
  /** The evaluation's key in `campaign_applications`: `event:<envelope id>` or `custom-event:<eventId>`. */
  readonly key: string;
  readonly trigger: Trigger;
  readonly memberId: string;
  readonly at: Date;
  readonly tier?: string | null;
  readonly tenureDays?: number;
  readonly eventName?: string | null;
  readonly properties?: Readonly<Record<string, AttributeValue>>;
}

type MemberTopic = 'members.member.enrolled.v1' | 'members.tier.changed.v1' | 'members.referral.completed.v1';

/**
 * Rules triggered by member events (`enrolment`, `tier-changed`, `referral-completed`,
 * `custom-event`). Per event: the tenant's live campaigns (CampaignCache) are evaluated against a
 * context of what the event carries (no cart; tier/segments unknown unless the event says), the
 * evaluation is recorded once per event key with the counter increments (`claim` + conditional
 * `raise`, as for checkouts: a lost budget race rolls back and re-evaluates), and only then are the
 * points credited through points `AwardPoints`, one award per (event, campaign, rule) with an id
 * derived from them. A redelivery finds the recorded evaluation and credits the same awards again
 * (idempotent in points), so a crash or timeout between recording and crediting loses nothing and
 * credits nothing twice; a points failure throws (the consumer retries). Badges, challenge steps
 * and coupons of such rules are listed in the result but not applied yet (see docs, issue 5).
 */
@Injectable()
export class MemberEventsService {
  constructor(
    private readonly cache: CampaignCache,
    private readonly evaluations: EvaluationRepository,
    private readonly clubs: GamificationRepository,
    private readonly points: PointsClient,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A members event from Kafka (consumer group `campaigns.member-events`); `m` is the consumer's transaction (read only here). */
  async onMemberEvent<T extends MemberTopic>(event: EventEnvelope<T>, m: EntityManager): Promise<void> {
    const club = (await this.clubs.findTenant(m, event.tenantId)) ?? DEFAULT_CLUB;
    const tenant: TenantContext = { ...DEFAULT_CLUB, tenantId: event.tenantId, timezone: club.timezone, calendar: club.calendar };
    const key = `event:${event.id}`;
    const e = event as EventEnvelope<MemberTopic>;
    switch (e.type) {
      case 'members.member.enrolled.v1': {
        const d = (e as EventEnvelope<'members.member.enrolled.v1'>).data;
        await this.evaluateEvent(tenant, { key, trigger: 'enrolment', memberId: d.memberId, at: new Date(d.enrolledAt), tenureDays: 0 });
        return;
      }
      case 'members.tier.changed.v1': {
        const d = (e as EventEnvelope<'members.tier.changed.v1'>).data;
        const properties: Record<string, AttributeValue> = { from: d.from ?? '', to: d.to, direction: d.direction };
        await this.evaluateEvent(tenant, { key, trigger: 'tier-changed', memberId: d.memberId, at: new Date(d.at), tier: d.to, properties });
        return;
      }
      case 'members.referral.completed.v1': {
        const d = (e as EventEnvelope<'members.referral.completed.v1'>).data;
        await this.evaluateEvent(tenant, { key, trigger: 'referral-completed', memberId: d.referrerId, at: new Date(d.at), properties: { referredId: d.referredId } });
        return;
      }
    }
  }

  /** A custom event the club posted for a member (gRPC `RecordMemberEvent`); idempotent per eventId. */
  async recordCustomEvent(tenant: TenantContext, memberId: string, input: CustomEventInput): Promise<MemberEventResult> {
    const at = this.clock.now();
    await this.clubs.rememberTenant(tenant.tenantId, tenant);
    return this.evaluateEvent(tenant, { key: `custom-event:${input.eventId}`, trigger: 'custom-event', memberId, at, eventName: input.name, properties: input.properties }, { memberId, name: input.name, properties: input.properties });
  }

  /**
   * Evaluates, records once and credits. `identity` is what makes a retry the same event (its
   * hash guards the key: another payload under the same key is ALREADY_EXISTS); the instant is
   * not part of it, so a retried custom event is the first one.
   */
  async evaluateEvent(tenant: TenantContext, ev: MemberEvent, identity: object = { memberId: ev.memberId, trigger: ev.trigger }): Promise<MemberEventResult> {
    const requestHash = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
    const eventId = ev.key.slice(ev.key.indexOf(':') + 1);
    const recorded = await this.evaluations.findApplication(undefined, tenant.tenantId, ev.key);
    if (recorded) return this.creditRecorded(tenant, ev, requestHash, recorded);
    const context = buildRuleContext({
      trigger: ev.trigger,
      instant: ev.at,
      tenant: { timeZone: tenant.timezone, calendar: tenant.calendar },
      member: { id: ev.memberId, tier: ev.tier ?? null, tenureDays: ev.tenureDays ?? 0 },
      eventName: ev.eventName ?? null,
      eventProperties: ev.properties,
    });
    for (let attempt = 1; ; attempt++) {
      const set = await this.cache.liveSet(tenant.tenantId, ev.at);
      const counters = await this.evaluations.counters(tenant.tenantId, counterKeysFor(set, context));
      const evaluation = evaluateCampaigns(set, context, counters);
      if (evaluation.diagnostics.length > 0) this.logger.warn({ event_key: ev.key, diagnostics: evaluation.diagnostics }, 'campaign rules failed to evaluate (counted as false)');
      const awards = memberEventAwards(evaluation.effects);
      const result: MemberEventResult = { eventId, memberId: ev.memberId, points: awards.reduce((s, a) => s + a.points, 0), awards, replayed: false };
      // Nothing fired: nothing to record (most events), and nothing counted.
      if (awards.length === 0 && evaluation.increments.length === 0) return result;
      try {
        const claimed = await this.uow.run(async (m) => {
          if (!(await this.evaluations.claim(m, tenant.tenantId, ev.key, requestHash, result, { memberId: ev.memberId, amount: 0, increments: evaluation.increments }))) return false;
          if (!(await this.evaluations.raise(m, tenant.tenantId, evaluation.increments))) throw new BudgetRace();
          return true;
        });
        if (!claimed) {
          // A concurrent delivery of the same event recorded it first: credit what it recorded.
          return this.creditRecorded(tenant, ev, requestHash, (await this.evaluations.findApplication(undefined, tenant.tenantId, ev.key))!);
        }
        await this.credit(tenant, ev, result);
        return result;
      } catch (err) {
        if (!(err instanceof BudgetRace) || attempt >= ATTEMPTS) throw err;
      }
    }
  }

  private async creditRecorded(tenant: TenantContext, ev: MemberEvent, requestHash: string, recorded: { requestHash: string; result: unknown }): Promise<MemberEventResult> {
    if (recorded.requestHash !== requestHash) {
      throw alreadyExists(`event ${ev.key.slice(ev.key.indexOf(':') + 1)} was already recorded for a different event`, [{ pointer: '#/eventId', detail: 'already used' }]);
    }
    const result = recorded.result as MemberEventResult;
    await this.credit(tenant, ev, result); // idempotent per award id: completes a credit a crash or timeout interrupted
    return { ...result, replayed: true };
  }

  private async credit(tenant: TenantContext, ev: MemberEvent, result: MemberEventResult): Promise<void> {
    for (const a of result.awards) {
      if (a.kinds.length > 0) this.logger.info({ event_key: ev.key, campaign_id: a.campaignId, rule_id: a.ruleId, kinds: a.kinds }, 'non-points effects of member-event rules are not applied yet');
      if (a.points <= 0) continue;
      await this.points.award(tenant, {
        awardId: awardIdOf(ev.key, a),
        memberId: ev.memberId,
        points: a.points,
        reason: `campaign ${ev.trigger}`,
        provenance: { basePoints: 0, campaigns: [{ campaignId: a.campaignId, version: a.version, ruleId: a.ruleId, kind: 'points-fixed', points: a.points }] },
      });
    }
  }
}
