import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { CreateOutboxAndInbox1763900000000 } from '@club/platform-kafka';
import { PlatformModule } from '@club/platform-nest';
import type { FeedbackConfig } from './config';
import { FeedbackGrpcController } from './grpc/feedback.grpc.controller';
import { FeedbackService } from './services/feedback.service';
import { SurveyRepository } from './repositories/survey.repository';
import { CreateSurveys1763900000400 } from './migrations/1763900000400-create-surveys';

export const FEEDBACK_MIGRATIONS = [CreateOutboxAndInbox1763900000000, CreateSurveys1763900000400];

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
