import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConsumers } from '@club/platform-nest';
import { CouponAwardsService } from '../services/coupon-awards.service';

/** Recorded checkouts → the coupons their `issue-coupon` effects give the member (once per event). */
@Injectable()
export class CouponAwardsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly awards: CouponAwardsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start('campaigns.coupon-awards', {
      // Most sales issue no coupon: those are acknowledged without a transaction.
      'points.checkout.recorded.v1': {
        wants: (event) => event.data.campaignEffects.some((e) => e.kind === 'issue-coupon'),
        handle: (event, m) => this.awards.onRecorded(event, m),
      },
    });
  }
}
