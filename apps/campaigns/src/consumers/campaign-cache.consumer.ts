import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { hostname } from 'node:os';
import { KafkaConsumers } from '@club/platform-nest';
import { CampaignCache } from '../services/campaign-cache.service';

/**
 * Every replica drops a tenant's compiled campaigns when one of them, the club's campaign settings
 * or its declared attributes change: a consumer group of its own per process, so each replica sees
 * every change (the cache's one-minute TTL covers a replica that missed one).
 */
@Injectable()
export class CampaignCacheConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly cache: CampaignCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start(`campaigns.cache.${hostname()}.${process.pid}`, {
      'campaigns.campaign.changed.v1': async (event) => this.cache.invalidate(event.tenantId),
      'campaigns.settings.changed.v1': async (event) => this.cache.invalidate(event.tenantId),
    });
  }
}
