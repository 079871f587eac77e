import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConsumers } from '@club/platform-nest';
import { GamificationService } from '../services/gamification.service';

/** The consumer group of gamification: one per service (replicas share the partitions). */
export const GAMIFICATION_GROUP = 'campaigns.gamification';

/**
 * Checkouts recorded by points → challenge progress, streaks and badges; erasures → the
 * member's gamification data deleted. Idempotent per event (the event id is recorded in the
 * handler's transaction), so a redelivered checkout never counts twice.
 */
@Injectable()
export class GamificationConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly gamification: GamificationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start(GAMIFICATION_GROUP, {
      'points.checkout.recorded.v1': (event, m) => this.gamification.recordCheckout(event, m),
      'members.member.erased.v1': (event, m) => this.gamification.eraseMember(event, m),
    });
  }
}
