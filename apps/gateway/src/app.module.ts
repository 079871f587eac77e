import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { GatewayConfig } from './config';
import { AdminTenantsController } from './http/admin-tenants.controller';
import { MembersController } from './http/members.controller';
import { PointsController } from './http/points.controller';
import { CampaignReplaysController, CampaignsController, CampaignSettingsController } from './http/campaigns.controller';
import { CouponsController } from './http/coupons.controller';
import { RewardsController } from './http/rewards.controller';
import { RewardsService } from './services/rewards.service';
import { GamificationController } from './http/gamification.controller';
import { CheckoutsController } from './http/checkouts.controller';
import { CardsController } from './http/cards.controller';
import { AttributesController } from './http/attributes.controller';
import { TierReviewsController, TiersController } from './http/tiers.controller';
import { ImportsController } from './http/imports.controller';
import { ScoresController } from './http/scores.controller';
import { SegmentsController } from './http/segments.controller';
import { AuthGuard } from './http/auth';
import { ProblemFilter } from './http/problem.filter';
import { TenantDirectoryGrpcController } from './grpc/tenant-directory.grpc.controller';
import { TenantsService } from './services/tenants.service';
import { EarnRateCache } from './services/earn-rate.cache';
import { ClubService } from './services/club.service';
import { TenantRepository } from './repositories/tenant.repository';
import { ServiceClients } from './repositories/service-clients';
import { GATEWAY_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static register(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'gateway', config, logger, entities: [], migrations: GATEWAY_MIGRATIONS, topics: [] }),
      ],
      controllers: [AdminTenantsController, MembersController, CardsController, AttributesController, TiersController, TierReviewsController, ImportsController, ScoresController, SegmentsController, CheckoutsController, PointsController, CampaignsController, CampaignReplaysController, CampaignSettingsController, CouponsController, RewardsController, GamificationController, TenantDirectoryGrpcController],
      providers: [
        TenantsService,
        ClubService,
        RewardsService,
        EarnRateCache,
        TenantRepository,
        ServiceClients,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
