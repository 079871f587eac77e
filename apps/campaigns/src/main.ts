import './instrumentation';
import { loadConfigOrExit } from '@club/platform-config';
import { createLogger } from '@club/platform-observability';
import { bootstrapService } from '@club/platform-nest';
import { campaignsConfigSchema } from './config';
import { AppModule } from './app.module';

const config = loadConfigOrExit(campaignsConfigSchema, 'campaigns');
const logger = createLogger('campaigns', config.LOG_LEVEL);

bootstrapService({ service: 'campaigns', module: AppModule.register(config, logger), config, logger }).catch((err: unknown) => {
  logger.fatal({ err }, 'campaigns failed to start');
  process.exit(1);
});
