import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TenantContext } from '@club/contracts';
import { OutboxRepository, type NewEvent } from '@club/platform-kafka';
import { Clock, invalidArgument, LOGGER, UnitOfWork, PerTenantOnce } from '@club/platform-nest';
import { DEFAULT_JOURNEY_THRESHOLDS, JOURNEY_STAGES, nextStage, validateJourneyThresholds, type JourneyStage, type JourneyThresholds } from '../domain/journey';
import { JourneyRepository } from '../repositories/journey.repository';

const WRITE_BATCH = 2000;
const DAY = 86_400_000;

/**
 * The journey's daily pass: members drift to at risk, lapsed and churned as days pass without a
 * purchase (purchases move them forward as they happen). Idempotent: a second pass on the same
 * day changes nothing. Each transition is a `members.journey-stage.changed.v1` event.
 */
@Injectable()
export class JourneyService {
  private readonly once = new PerTenantOnce<{ members: number; moved: number }>();

  constructor(
    private readonly journey: JourneyRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
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

  runDaily(tenant: TenantContext): Promise<{ members: number; moved: number }> {
    return this.once.run(tenant.tenantId, () => this.pass(tenant));
  }

  startDaily(tenant: TenantContext): { status: 'started' } {
    this.runDaily(tenant).catch((err: unknown) => this.logger.error({ err }, 'journey pass failed'));
    return { status: 'started' };
  }

  private async pass(tenant: TenantContext): Promise<{ members: number; moved: number }> {
    const now = this.clock.now();
    const t = await this.thresholds(tenant);
    const rows = await this.journey.loadStages(tenant.tenantId);
    const changes: { memberId: string; from: JourneyStage; stage: JourneyStage }[] = [];
    for (const r of rows) {
      const current = (JOURNEY_STAGES as readonly string[]).includes(r.journey_stage) ? (r.journey_stage as JourneyStage) : 'enrolled';
      const days = r.last_purchase_at ? Math.floor((now.getTime() - r.last_purchase_at.getTime()) / DAY) : null;
      const stage = nextStage(current, { enrolled: true, purchaseCount: r.purchase_count ?? 0, daysSinceLastPurchase: days, purchasedJustNow: false }, t);
      if (stage !== current) changes.push({ memberId: r.id, from: current, stage });
    }
    for (let at = 0; at < changes.length; at += WRITE_BATCH) {
      const batch = changes.slice(at, at + WRITE_BATCH);
      await this.uow.run(async (m) => {
        const moved = await this.journey.setStages(m, tenant.tenantId, batch);
        const events: NewEvent<'members.journey-stage.changed.v1'>[] = batch.filter((c) => moved.has(c.memberId)).map((c) => ({
          topic: 'members.journey-stage.changed.v1',
          tenantId: tenant.tenantId,
          subject: c.memberId,
          time: now,
          data: { memberId: c.memberId, from: c.from, to: c.stage, at: now.toISOString() },
        }));
        await this.outbox.enqueueMany(m, events);
      });
    }
    this.logger.info({ members: rows.length, moved: changes.length }, 'journey pass done');
    return { members: rows.length, moved: changes.length };
  }
}
