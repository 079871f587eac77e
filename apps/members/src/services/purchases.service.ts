import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { LOGGER } from '@club/platform-nest';
import { DEFAULT_JOURNEY_THRESHOLDS, JOURNEY_STAGES, nextStage, type JourneyStage } from '../domain/journey';
import { ActivityRepository } from '../repositories/activity.repository';
import { MemberRepository } from '../repositories/member.repository';
import { TiersService } from './tiers.service';
import { JourneyRepository } from '../repositories/journey.repository';

/**
 * What a recorded checkout means for the member: purchase facts and statistics, the journey
 * stage, a completed referral on the first purchase, and an immediate tier upgrade when earned.
 * Runs inside the idempotent consumer's transaction.
 */
@Injectable()
export class PurchasesService {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly members: MemberRepository,
    private readonly tiers: TiersService,
    private readonly outbox: OutboxRepository,
    private readonly journey: JourneyRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async recordPurchase(event: EventEnvelope<'points.checkout.recorded.v1'>, m: EntityManager): Promise<void> {
    const { tenantId } = event;
    const { memberId, transactionId, storeId, amount, pointsEarned, recordedAt } = event.data;
    const member = await this.members.lockMember(m, tenantId, memberId);
    if (!member) {
      this.logger.warn({ event_id: event.id }, 'purchase for an unknown member ignored');
      return;
    }
    const at = new Date(recordedAt);
    const fact = { transactionId, memberId, storeId, amount, tierPoints: pointsEarned, occurredAt: at };
    if (!(await this.activity.insertPurchase(m, tenantId, fact))) return; // already recorded
    const stats = await this.activity.addToStats(m, tenantId, fact);

    const current = (JOURNEY_STAGES as readonly string[]).includes(member.journeyStage) ? (member.journeyStage as JourneyStage) : 'enrolled';
    const thresholds = (await this.journey.findThresholds(tenantId)) ?? DEFAULT_JOURNEY_THRESHOLDS;
    const stage = nextStage(current, { enrolled: true, purchaseCount: stats.purchaseCount, daysSinceLastPurchase: 0, purchasedJustNow: true }, thresholds);
    if (stage !== current) {
      await this.members.setJourneyStage(m, tenantId, memberId, stage);
      await this.outbox.enqueue(m, {
        topic: 'members.journey-stage.changed.v1',
        tenantId,
        subject: memberId,
        time: at,
        data: { memberId, from: current, to: stage, at: at.toISOString() },
      });
    }

    if (member.referredBy && (await this.members.completeReferral(m, tenantId, memberId))) {
      await this.outbox.enqueue(m, {
        topic: 'members.referral.completed.v1',
        tenantId,
        subject: member.referredBy,
        time: at,
        data: { referrerId: member.referredBy, referredId: memberId, transactionId, at: at.toISOString() },
      });
    }

    const settings = await this.activity.findTenant(m, tenantId);
    await this.tiers.upgradeIfEarned(m, tenantId, member, at, settings?.timezone ?? 'Asia/Tehran');
  }

  /**
   * A return takes its spend and tier-qualifying points off the purchase's own window (a
   * negative fact dated at the purchase). No tier moves now: downgrades happen only at the
   * review, which then sees the reduced metric.
   */
  async recordReturn(event: EventEnvelope<'points.checkout.returned.v1'>, m: EntityManager): Promise<void> {
    const { tenantId } = event;
    const { memberId, returnId, storeId, amountReturned, pointsReversed, purchasedAt } = event.data;
    if (!(await this.members.lockMember(m, tenantId, memberId))) {
      this.logger.warn({ event_id: event.id }, 'return for an unknown member ignored');
      return;
    }
    const fact = { returnId, memberId, storeId, amount: amountReturned, tierPoints: pointsReversed, purchasedAt: new Date(purchasedAt) };
    if (!(await this.activity.insertReturn(m, tenantId, fact))) return; // already recorded
    await this.activity.subtractFromStats(m, tenantId, memberId, amountReturned, pointsReversed);
  }
}
