import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConsumers } from '@club/platform-nest';
import { PurchasesService } from '../services/purchases.service';

/** Checkouts recorded by points → purchase facts, journey, referrals, tier upgrades; returns → negative facts. Idempotent per event. */
@Injectable()
export class PurchaseEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly purchases: PurchasesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start('members.purchases', {
      'points.checkout.recorded.v1': (event, m) => this.purchases.recordPurchase(event, m),
      'points.checkout.returned.v1': (event, m) => this.purchases.recordReturn(event, m),
    });
  }
}
