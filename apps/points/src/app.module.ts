import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { PointsConfig } from './config';
import { PointsGrpcController } from './grpc/points.grpc.controller';
import { LedgerService } from './services/ledger.service';
import { LedgerRepository } from './repositories/ledger.repository';
import { POINTS_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static register(config: PointsConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'points',
          config,
          logger,
          entities: [],
          migrations: POINTS_MIGRATIONS,
          topics: ['points.ledger-entry.created.v1', 'points.checkout.recorded.v1'],
        }),
      ],
      controllers: [PointsGrpcController],
      providers: [LedgerService, LedgerRepository],
    };
  }
}
