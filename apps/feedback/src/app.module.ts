import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@club/platform-nest';
import type { FeedbackConfig } from './config';
import { FeedbackGrpcController } from './grpc/feedback.grpc.controller';
import { FeedbackService } from './services/feedback.service';
import { SurveyRepository } from './repositories/survey.repository';
import { FEEDBACK_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static register(config: FeedbackConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'feedback', config, logger, entities: [], migrations: FEEDBACK_MIGRATIONS, topics: [] }),
      ],
      controllers: [FeedbackGrpcController],
      providers: [FeedbackService, SurveyRepository],
    };
  }
}
