import './instrumentation';
import { runService } from '@club/platform-nest';
import { feedbackConfigSchema } from './config';
import { AppModule } from './app.module';

runService({ service: 'feedback', configSchema: feedbackConfigSchema, module: (config, logger) => AppModule.register(config, logger) });
