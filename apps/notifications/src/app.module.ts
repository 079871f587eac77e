import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { NotificationsConfig } from './config';
import { NotificationsGrpcController } from './grpc/notifications.grpc.controller';
import { InboxService } from './services/inbox.service';
import { InboxRepository } from './repositories/inbox.repository';
import { MemberEventsConsumer } from './consumers/member-events.consumer';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static register(config: NotificationsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'notifications',
          config,
          logger,
          entities: [],
          migrations: NOTIFICATIONS_MIGRATIONS,
          topics: ['members.member.enrolled.v1', 'points.ledger-entry.created.v1', 'points.lot.expiring.v1', 'members.member.erased.v1'],
        }),
      ],
      controllers: [NotificationsGrpcController],
      providers: [InboxService, InboxRepository, MemberEventsConsumer],
    };
  }
}
