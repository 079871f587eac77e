import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { MembersConfig } from './config';
import { MembersGrpcController } from './grpc/members.grpc.controller';
import { MembersService } from './services/members.service';
import { MemberRepository } from './repositories/member.repository';
import { CardNumberSource } from './repositories/card-number.source';
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
          topics: ['members.member.enrolled.v1', 'members.member.updated.v1', 'members.card.changed.v1'],
        }),
      ],
      controllers: [MembersGrpcController],
      providers: [MembersService, MemberRepository, CardNumberSource],
    };
  }
}
