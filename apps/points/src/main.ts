import './instrumentation';
import { loadConfigOrExit } from '@club/platform-config';
import { createLogger } from '@club/platform-observability';
import { bootstrapService } from '@club/platform-nest';
import { pointsConfigSchema } from './config';
import { AppModule } from './app.module';

const config = loadConfigOrExit(pointsConfigSchema, 'points');
const logger = createLogger('points', config.LOG_LEVEL);

bootstrapService({ service: 'points', module: AppModule.register(config, logger), config, logger }).catch((err: unknown) => {
  logger.fatal({ err }, 'points failed to start');
  process.exit(1);
});
