import './instrumentation';
import { loadConfigOrExit } from '@club/platform-config';
import { createLogger } from '@club/platform-observability';
import { bootstrapService } from '@club/platform-nest';
import { notificationsConfigSchema } from './config';
import { AppModule } from './app.module';

const config = loadConfigOrExit(notificationsConfigSchema, 'notifications');
const logger = createLogger('notifications', config.LOG_LEVEL);

bootstrapService({ service: 'notifications', module: AppModule.register(config, logger), config, logger }).catch((err: unknown) => {
  logger.fatal({ err }, 'notifications failed to start');
  process.exit(1);
});
