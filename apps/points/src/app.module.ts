import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { PointsConfig } from './config';
import { PointsGrpcController } from './grpc/points.grpc.controller';
import { LedgerJobsGrpcController } from './grpc/ledger-jobs.grpc.controller';
import { TenantDirectoryInterceptor } from './grpc/tenant-directory.interceptor';
import { LedgerService } from './services/ledger.service';
import { LedgerRepository } from './repositories/ledger.repository';
import { LedgerBatchService } from './services/ledger-batch.service';
import { LedgerJobService } from './services/ledger-job.service';
import { LedgerJobSchedulerService } from './services/ledger-job-scheduler.service';
import { LiabilityService } from './services/liability.service';
import { LedgerJobRepository } from './repositories/ledger-job.repository';
import { LiabilityRepository } from './repositories/liability.repository';
import { LotBatchRepository } from './repositories/lot-batch.repository';
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
          topics: ['points.ledger-entry.created.v1', 'points.checkout.recorded.v1', 'points.checkout.returned.v1', 'points.lot.expired.v1', 'points.lot.expiring.v1'],
        }),
      ],
      controllers: [PointsGrpcController, LedgerJobsGrpcController],
      providers: [
        LedgerService,
        LedgerRepository,
        LedgerJobService,
        LedgerBatchService,
        LedgerJobSchedulerService,
        LiabilityService,
        LedgerJobRepository,
        LotBatchRepository,
        LiabilityRepository,
        { provide: APP_INTERCEPTOR, useClass: TenantDirectoryInterceptor },
      ],
    };
  }
}
