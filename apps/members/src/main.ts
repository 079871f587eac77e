import './instrumentation';
import { runService } from '@club/platform-nest';
import { membersConfigSchema } from './config';
import { AppModule } from './app.module';

runService({ service: 'members', configSchema: membersConfigSchema, module: (config, logger) => AppModule.register(config, logger) });
