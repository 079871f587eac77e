import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { MembersConfig } from './config';
import { MembersGrpcController } from './grpc/members.grpc.controller';
import { MembersService } from './services/members.service';
import { MemberRepository } from './repositories/member.repository';
import { CardNumberSource } from './repositories/card-number.source';
import { ActivityRepository } from './repositories/activity.repository';
import { TillService } from './services/till.service';
import { TiersService } from './services/tiers.service';
import { TierReviewService } from './services/tier-review.service';
import { TierReviewRepository } from './repositories/tier-review.repository';
import { ImportService } from './services/import.service';
import { ImportRepository } from './repositories/import.repository';
import { ScoresService } from './services/scores.service';
import { ScoresRepository } from './repositories/scores.repository';
import { SegmentsService } from './services/segments.service';
import { SegmentsRepository } from './repositories/segments.repository';
import { JourneyService } from './services/journey.service';
import { JourneyRepository } from './repositories/journey.repository';
import { PurchasesService } from './services/purchases.service';
import { PurchaseEventsConsumer } from './consumers/purchase-events.consumer';
import { MemberPassService } from './services/member-pass.service';
import { MemberPassRepository } from './repositories/member-pass.repository';
import { PassSchedulerService } from './services/pass-scheduler.service';
import { MEMBERS_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static register(config: MembersConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'members',
          config,
          logger,
          entities: [],
          migrations: MEMBERS_MIGRATIONS,
          topics: [
            'members.member.enrolled.v1',
            'members.member.updated.v1',
            'members.card.changed.v1',
            'members.tier.changed.v1',
            'members.referral.completed.v1',
            'members.journey-stage.changed.v1',
            'members.member.erased.v1',
            'members.segment-membership.changed.v1',
            'points.checkout.recorded.v1',
            'points.checkout.returned.v1',
            'members.attribute.defined.v1',
          ],
        }),
      ],
      controllers: [MembersGrpcController],
      providers: [MembersService, TillService, TiersService, TierReviewService, TierReviewRepository, ImportService, ImportRepository, ScoresService, ScoresRepository, SegmentsService, SegmentsRepository, JourneyService, JourneyRepository, MemberPassService, MemberPassRepository, PassSchedulerService, PurchasesService, PurchaseEventsConsumer, MemberRepository, ActivityRepository, CardNumberSource],
    };
  }
}
