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
import { GamificationService } from './services/gamification.service';
import { GamificationRepository } from './repositories/gamification.repository';
import { GamificationConsumer } from './consumers/gamification.consumer';
import { ReversalService } from './services/reversal.service';
import { CheckoutReturnedConsumer } from './consumers/checkout-returned.consumer';
import { CouponAwardsService } from './services/coupon-awards.service';
import { CouponAwardsConsumer } from './consumers/coupon-awards.consumer';
import { CampaignSettingsRepository } from './repositories/campaign-settings.repository';
import { CampaignSettingsService } from './services/campaign-settings.service';
import { MemberFactsConsumer } from './consumers/member-facts.consumer';
import { ReplayRepository } from './repositories/replay.repository';
import { ReplayService } from './services/replay.service';
import { RewardsService } from './services/rewards.service';
import { RewardRepository } from './repositories/reward.repository';
import { RewardSweepService } from './services/reward-sweep.service';
import { PointsClient } from './repositories/points.client';
import { MemberEventsService } from './services/member-events.service';
import { MemberEventsConsumer } from './consumers/member-events.consumer';

@Module({})
export class AppModule {
  static register(config: CampaignsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'campaigns', config, logger, entities: [], migrations: CAMPAIGNS_MIGRATIONS, topics: ['campaigns.campaign.changed.v1', 'campaigns.reward.redeemed.v1', 'campaigns.badge.awarded.v1', 'campaigns.coupon.issued.v1', 'campaigns.challenge.completed.v1', 'campaigns.streak.milestone-reached.v1', 'points.checkout.returned.v1', 'campaigns.settings.changed.v1', 'members.attribute.defined.v1', 'members.member.erased.v1', 'members.member.enrolled.v1', 'members.tier.changed.v1', 'members.referral.completed.v1'] }),
      ],
      controllers: [CampaignsGrpcController],
      providers: [RewardsService, RewardRepository, RewardSweepService, PointsClient, GamificationService, GamificationRepository, GamificationConsumer, CampaignsService, CampaignRepository, CampaignCheck, CouponsService, CouponRepository, CampaignCache, EvaluationService, EvaluationRepository, CampaignCacheConsumer, ReversalService, CheckoutReturnedConsumer, CouponAwardsService, CouponAwardsConsumer, CampaignSettingsRepository, CampaignSettingsService, MemberFactsConsumer, ReplayRepository, ReplayService, MemberEventsService, MemberEventsConsumer],
    };
  }
}
