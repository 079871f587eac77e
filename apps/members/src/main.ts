import './instrumentation';
import { loadConfigOrExit } from '@club/platform-config';
import { createLogger } from '@club/platform-observability';
import { bootstrapService } from '@club/platform-nest';
import { membersConfigSchema } from './config';
import { AppModule } from './app.module';

const config = loadConfigOrExit(membersConfigSchema, 'members');
const logger = createLogger('members', config.LOG_LEVEL);

bootstrapService({ service: 'members', module: AppModule.register(config, logger), config, logger }).catch((err: unknown) => {
  logger.fatal({ err }, 'members failed to start');
  process.exit(1);
});
