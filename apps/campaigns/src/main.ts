import './instrumentation';
import { runService } from '@club/platform-nest';
import { campaignsConfigSchema } from './config';
import { AppModule } from './app.module';

runService({ service: 'campaigns', configSchema: campaignsConfigSchema, module: (config, logger) => AppModule.register(config, logger) });
