import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantContext } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { invalidArgument } from '@club/platform-nest';
import { DEFAULT_JOURNEY_THRESHOLDS, JOURNEY_STAGES, nextStage, validateJourneyThresholds, type JourneyStage, type JourneyThresholds } from '../domain/journey';
import type { MemberPass } from '../repositories/member-pass.repository';
import { JourneyRepository } from '../repositories/journey.repository';
import type { PassHandler } from './member-pass.service';

const DAY = 86_400_000;

/**
 * Journey thresholds, and the journey's daily pass (a `MemberPass`): members drift to at risk,
 * lapsed and churned as days pass without a purchase (purchases move them forward as they
 * happen). The thresholds are fixed when the pass starts. Idempotent: a second pass on the same
 * day changes nothing. Each transition is a `members.journey-stage.changed.v1` event.
 */
@Injectable()
export class JourneyService implements PassHandler {
  constructor(
    private readonly journey: JourneyRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async thresholds(tenant: TenantContext): Promise<JourneyThresholds> {
    return (await this.journey.findThresholds(tenant.tenantId)) ?? DEFAULT_JOURNEY_THRESHOLDS;
  }

  async setThresholds(tenant: TenantContext, t: JourneyThresholds): Promise<JourneyThresholds> {
    const errors = validateJourneyThresholds(t);
    if (errors.length > 0) throw invalidArgument('invalid journey thresholds', errors.map((detail) => ({ pointer: '#', detail })));
    await this.journey.saveThresholds(tenant.tenantId, t);
    return t;
  }

  async prepare(_m: EntityManager, pass: MemberPass): Promise<{ thresholds: JourneyThresholds }> {
    return { thresholds: (await this.journey.findThresholds(pass.tenantId)) ?? DEFAULT_JOURNEY_THRESHOLDS };
  }

  async batch(m: EntityManager, pass: MemberPass, limit: number): Promise<{ last: string | null; processed: number; changed: number }> {
    const { thresholds } = pass.state as { thresholds: JourneyThresholds };
    const now = pass.asOf;
    const rows = await this.journey.pageStages(m, pass.tenantId, pass.cursor, limit);
    if (rows.length === 0) return { last: null, processed: 0, changed: 0 };
    const changes: { memberId: string; from: JourneyStage; stage: JourneyStage }[] = [];
    for (const r of rows) {
      const current = (JOURNEY_STAGES as readonly string[]).includes(r.journey_stage) ? (r.journey_stage as JourneyStage) : 'enrolled';
      const days = r.last_purchase_at ? Math.max(0, Math.floor((now.getTime() - r.last_purchase_at.getTime()) / DAY)) : null;
      const stage = nextStage(current, { enrolled: true, purchaseCount: r.purchase_count ?? 0, daysSinceLastPurchase: days, purchasedJustNow: false }, thresholds);
      if (stage !== current) changes.push({ memberId: r.id, from: current, stage });
    }
    // Compare-and-set: a purchase may have moved a member since the page was read.
    const moved = await this.journey.setStages(m, pass.tenantId, changes);
    const events: NewEvent<'members.journey-stage.changed.v1'>[] = changes
      .filter((c) => moved.has(c.memberId))
      .map((c) => ({
        topic: 'members.journey-stage.changed.v1',
        tenantId: pass.tenantId,
        subject: c.memberId,
        time: now,
        data: { memberId: c.memberId, from: c.from, to: c.stage, at: now.toISOString() },
      }));
    await this.outbox.enqueueMany(m, events);
    return { last: rows[rows.length - 1].id, processed: rows.length, changed: events.length };
  }
}
