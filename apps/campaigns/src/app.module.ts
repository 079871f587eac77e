import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { CampaignsConfig } from './config';
import { CampaignsGrpcController } from './grpc/campaigns.grpc.controller';
import { CampaignsService } from './services/campaigns.service';
import { CampaignRepository } from './repositories/campaign.repository';
import { CampaignCheck } from './services/campaign-check';
import { CouponsService } from './services/coupons.service';
import { CouponRepository } from './repositories/coupon.repository';
import { CampaignCache } from './services/campaign-cache.service';
import { EvaluationService } from './services/evaluation.service';
import { EvaluationRepository } from './repositories/evaluation.repository';
import { CampaignCacheConsumer } from './consumers/campaign-cache.consumer';
import { CAMPAIGNS_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static register(config: CampaignsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'campaigns', config, logger, entities: [], migrations: CAMPAIGNS_MIGRATIONS, topics: ['campaigns.campaign.changed.v1'] }),
      ],
      controllers: [CampaignsGrpcController],
      providers: [CampaignsService, CampaignRepository, CampaignCheck, CouponsService, CouponRepository, CampaignCache, EvaluationService, EvaluationRepository, CampaignCacheConsumer],
    };
  }
}
