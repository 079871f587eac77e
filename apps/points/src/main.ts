import './instrumentation';
import { runService } from '@club/platform-nest';
import { pointsConfigSchema } from './config';
import { AppModule } from './app.module';

runService({ service: 'points', configSchema: pointsConfigSchema, module: (config, logger) => AppModule.register(config, logger) });
