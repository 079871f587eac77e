import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@club/contracts';
import { OutboxRepository } from '@club/platform-kafka';
import { Clock, LOGGER } from '@club/platform-nest';
import { CODE_ALPHABET, makeCode, RANDOM_LENGTH } from '../domain/coupon-code';
import { CouponRepository } from '../repositories/coupon.repository';

/** Draws before giving up on a batch whose prefix space is crowded (each draw collides with ~2^-45). */
const DRAWS = 5;

/**
 * Coupons the rules issue: every `issue-coupon` effect of a recorded checkout
 * (`points.checkout.recorded.v1`, so only sales the ledger took) adds a fresh code to the effect's
 * batch, issued to the member, and announces it (`campaigns.coupon.issued.v1`). Once per effect:
 * the code remembers `<transactionId>/<campaignId>/<ruleId>`. A batch that no longer exists or has
 * ended issues nothing (logged).
 */
@Injectable()
export class CouponAwardsService {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onRecorded(event: EventEnvelope<'points.checkout.recorded.v1'>, m: EntityManager): Promise<void> {
    const { memberId, transactionId, campaignEffects } = event.data;
    for (const effect of campaignEffects) {
      if (effect.kind !== 'issue-coupon' || effect.reference === null) continue;
      const batch = await this.coupons.findBatch(event.tenantId, effect.reference);
      const now = this.clock.now();
      if (!batch || (batch.validUntil !== null && batch.validUntil.getTime() <= now.getTime())) {
        this.logger.warn({ campaign_id: effect.campaignId, rule_id: effect.ruleId, batch_id: effect.reference }, 'issue-coupon: the batch is gone or has ended; nothing issued');
        continue;
      }
      const issuedFor = `${transactionId}/${effect.campaignId}/${effect.ruleId}`;
      if (await this.coupons.findIssued(m, event.tenantId, batch.id, issuedFor)) continue;
      let code: string | undefined;
      for (let draw = 0; draw < DRAWS && code === undefined; draw++) {
        const candidate = makeCode(batch.prefix, Array.from({ length: RANDOM_LENGTH }, () => randomInt(CODE_ALPHABET.length)));
        if (await this.coupons.issueCode(m, event.tenantId, batch.id, candidate, memberId, issuedFor, now)) code = candidate;
      }
      if (code === undefined) throw new Error(`could not draw a free code in batch ${batch.id}`);
      await this.outbox.enqueue(m, {
        topic: 'campaigns.coupon.issued.v1',
        tenantId: event.tenantId,
        subject: memberId,
        time: now,
        data: {
          memberId,
          code,
          batchId: batch.id,
          campaignId: effect.campaignId,
          ruleId: effect.ruleId,
          transactionId,
          validUntil: batch.validUntil?.toISOString() ?? null,
          issuedAt: now.toISOString(),
        },
      });
    }
  }
}
