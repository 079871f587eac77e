import './instrumentation';
import { loadConfigOrExit } from '@club/platform-config';
import { createLogger } from '@club/platform-observability';
import { bootstrapService } from '@club/platform-nest';
import { feedbackConfigSchema } from './config';
import { AppModule } from './app.module';

const config = loadConfigOrExit(feedbackConfigSchema, 'feedback');
const logger = createLogger('feedback', config.LOG_LEVEL);

bootstrapService({ service: 'feedback', module: AppModule.register(config, logger), config, logger }).catch((err: unknown) => {
  logger.fatal({ err }, 'feedback failed to start');
  process.exit(1);
});
