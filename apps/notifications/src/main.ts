import './instrumentation';
import { runService } from '@club/platform-nest';
import { notificationsConfigSchema } from './config';
import { AppModule } from './app.module';

runService({ service: 'notifications', configSchema: notificationsConfigSchema, module: (config, logger) => AppModule.register(config, logger) });
