import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConsumers } from '@club/platform-nest';
import { ReversalService } from '../services/reversal.service';

/** Returned sales give their campaign budgets and coupons back once the whole sale is returned. */
@Injectable()
export class CheckoutReturnedConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly reversals: ReversalService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start('campaigns.returns', {
      'points.checkout.returned.v1': (event, m) => this.reversals.onReturned(event, m),
    });
  }
}
